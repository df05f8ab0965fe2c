# Deeply nested containers: repr raises RecursionError, deallocation does not crash.
import sys
x = []
for _ in range(100000):
    x = [x]
try:
    repr(x)
except RecursionError as e:
    print('RecursionError', e)
del x
print('list freed')
t = ()
for _ in range(100000):
    t = (t,)
try:
    str(t)
except RecursionError as e:
    print('RecursionError', e)
del t
print('tuple freed')
d = {}
for _ in range(100000):
    d = {'k': d}
try:
    repr(d)
except RecursionError:
    print('RecursionError for dict')
del d
print('dict freed')
a = [1]
b = [1]
for _ in range(100000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print('RecursionError', e)
del a, b
f = frozenset()
for _ in range(1000):
    f = frozenset([f])
print(hash(f) == hash(f), len(f))
nested = [[[[[]]]]]
print(nested, len(str(list(range(1000)))))
