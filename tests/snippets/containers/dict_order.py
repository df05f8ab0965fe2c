# Insertion order through deletion, re-insertion, update, popitem and copy.
d = {}
for k in 'qwertyuiop':
    d[k] = ord(k)
print(list(d))
del d['w'], d['y'], d['p']
d['w'] = 1
d['a'] = 2
print(list(d))
d.update({'q': 0, 'z': 9})
print(list(d), d['q'])
print(d.popitem(), d.popitem(), list(d))
c = d.copy()
c['new'] = 1
print(list(c))
e = dict(reversed(list(d.items())))
print(list(e))
x = {}
for i in range(100):
    x[i] = i
    if i % 3 == 0:
        del x[i]
print(list(x)[:10], len(x))
print(list(x.items())[-3:], list(reversed(x))[:3])
while len(x) > 60:
    x.popitem()
print(len(x), list(x)[-3:])
y = dict.fromkeys(range(10))
for k in range(0, 10, 2):
    del y[k]
for k in range(0, 10, 2):
    y[k] = None
print(list(y))
print({**{'a': 1}, 'b': 2, **{'a': 3}}, list({3: 1, 1: 2, 2: 3}))
