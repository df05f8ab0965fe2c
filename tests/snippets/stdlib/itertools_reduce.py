# __reduce__ / __setstate__ round trips, done by hand (no pickle needed).
import itertools
from itertools import *

def rebuild(it):
    r = it.__reduce__()
    cls, args = r[0], r[1]
    new = cls(*args)
    if len(r) > 2 and r[2] is not None:
        new.__setstate__(r[2])
    return new

def check(name, it, skip=2):
    for _ in range(skip):
        next(it, None)
    r = it.__reduce__()
    print(name, type(r[0]).__name__, r[0].__name__, len(r))
    new = rebuild(it)
    print('  ', list(islice(new, 12)), list(islice(it, 12)))

check('count', count(3))
check('count-float', count(1.5, 0.5))
check('cycle', cycle('abc'), 4)
check('cycle-start', cycle('abc'), 1)
check('repeat', repeat('z', 5))
check('accumulate', accumulate([1, 2, 3, 4, 5]))
check('accumulate-init', accumulate([1, 2, 3], initial=10), 0)
check('accumulate-func', accumulate([1, 2, 3, 4], max), 1)
check('chain', chain('ab', 'cd', 'ef'), 3)
check('chain-start', chain('ab', 'cd'), 0)
check('compress', compress('abcdef', [1, 0, 1, 1, 0, 1]), 1)
check('dropwhile', dropwhile(lambda x: x < 3, range(8)), 1)
check('takewhile', takewhile(lambda x: x < 5, range(8)), 1)
check('filterfalse', filterfalse(None, [0, 1, 0, 2, 3]), 1)
check('islice', islice(range(20), 2, 15, 3), 1)
check('islice-none', islice(range(20), 5), 1)
check('starmap', starmap(pow, [(2, 3), (3, 2), (4, 2)]), 1)
check('zip_longest', zip_longest('ab', 'cdef', fillvalue='?'), 1)
check('zip_longest-exhausted', zip_longest('a', 'cdef', fillvalue='?'), 2)
check('product', product('ab', 'cd'), 1)
check('product-start', product('ab', 'cd'), 0)
check('combinations', combinations('abcd', 2), 2)
check('cwr', combinations_with_replacement('abc', 2), 2)
check('permutations', permutations('abc', 2), 2)
check('permutations-start', permutations('abc'), 0)
print(product('ab', repeat=2).__reduce__())
print(combinations('abc', 2).__reduce__())
c = combinations('abc', 2); list(c); print(c.__reduce__())
p = permutations('abc', 2); next(p); next(p); print(p.__reduce__())
g = groupby('aabbbc')
k, grp = next(g)
print(g.__reduce__()[1:], grp.__reduce__()[1:])
next(g)
print(grp.__reduce__())
e = islice([], 1); list(e); print(e.__reduce__()[0], e.__reduce__()[2])
t, u = tee('abcdef')
next(t)
r = t.__reduce__()
print(r[0].__name__, r[1], type(r[2][0]).__name__, r[2][1])
d = r[2][0].__reduce__()
print(d[0].__name__, type(d[1][0]).__name__, d[1][1], d[1][2])
ch = chain('ab')
ch.__setstate__((iter('xyz'),))
print(list(ch))
for bad in [5, (), (1, 2, 3), ('ab',)]:
    try:
        chain().__setstate__(bad)
    except TypeError as ex:
        print('TypeError', ex)
pr = product('abc', 'de')
pr.__setstate__((1, 5))
print(list(pr))
for bad in [(1,), 'x']:
    try:
        pr.__setstate__(bad)
    except ValueError as ex:
        print('ValueError', ex)
co = combinations('abcde', 3)
co.__setstate__((0, 2, 9))
print(list(co))
cy = cycle('ab')
cy.__setstate__((['x', 'y'], 1))
print(list(islice(cy, 5)))
try:
    cy.__setstate__(('x', 1))
except TypeError as ex:
    print('TypeError', ex)
a = accumulate([1, 2, 3])
a.__setstate__(100)
print(list(a))
tw = takewhile(bool, [1, 1, 0])
tw.__setstate__(True)
print(list(tw))
zl = zip_longest('a', 'bcd')
zl.__setstate__('*')
print(list(zl))
isl = islice(range(10), 0, None, 2)
isl.__setstate__(3)
print(list(isl))
