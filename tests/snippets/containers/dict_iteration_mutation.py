# Mutating a dict while iterating it.
d = {1: 'a', 2: 'b'}
try:
    for k in d:
        d[k + 10] = 'x'
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
d = {1: 'a', 2: 'b', 3: 'c'}
try:
    for k in d:
        del d[k]
        d[k + 100] = 'moved'
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
d = {1: 'a', 2: 'b'}
for k in d:
    d[k] = d[k] * 2
print(d)
d = {1: 1}
it = iter(d)
d[2] = 2
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError again', e)
print(it.__length_hint__())
d = {'a': 1, 'b': 2, 'c': 3}
it = iter(d.items())
print(it.__length_hint__(), next(it), it.__length_hint__())
d.pop('c')
d['z'] = 26
try:
    print(list(it))
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 1, 2: 2}
vi = iter(d.values())
print(list(vi), list(vi), vi.__length_hint__())
d = {i: i for i in range(5)}
rv = reversed(d)
print(next(rv), rv.__length_hint__())
del d[4]
try:
    next(rv)
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 1}
for k in d:
    d.clear()
    d[k] = 2
    break
print(d)
d = dict.fromkeys(range(8))
keys = []
for k in list(d):
    if k % 2:
        del d[k]
print(list(d), list(reversed(d)))
