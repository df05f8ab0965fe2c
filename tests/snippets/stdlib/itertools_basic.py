import itertools
from itertools import *

def show(it, n=None):
    if n is None:
        print(list(it))
    else:
        print(list(islice(it, n)))

# count
c = count()
print(c, next(c), next(c), c)
print(count(5), count(1.5), count(0, 2), count(0, 1.0), count(2**70), count(-3, -1))
show(count(10, 3), 4)
show(count(0.5, 0.25), 4)
show(count(2**63 - 2), 4)
import sys
c = count(sys.maxsize - 1)
next(c); next(c)
print(c)
class Sub(count): pass
print(Sub(3))
print(count(start=3, step=2))
for bad in ['a', [1]]:
    try:
        count(bad)
    except TypeError as e:
        print('TypeError', e)
print(count(3).__reduce__(), count(2.5, 2).__reduce__())

# cycle
show(cycle('abc'), 8)
show(cycle([]))
c = cycle([1, 2])
next(c)
print(c.__reduce__()[1:][1])

# repeat
print(repeat('x'), repeat('x', 3), repeat(None, -2), repeat(1, times=4))
show(repeat(7, 3))
print(repeat(1, 5).__length_hint__(), repeat(1, -1).__length_hint__())
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print('TypeError', e)
print(repeat(3, 2).__reduce__(), repeat(3).__reduce__())
r = repeat('a', 2); next(r); print(r)

# accumulate
show(accumulate([1, 2, 3, 4]))
show(accumulate([1, 2, 3, 4], initial=100))
show(accumulate([3, 1, 4, 1, 5], max))
show(accumulate([], initial=1))
show(accumulate('abc'))
show(accumulate([1, 2, 3], lambda a, b: a * b))
show(accumulate(iterable=[1, 2], func=None))

# chain
show(chain('ab', [1, 2], ()))
show(chain.from_iterable(['ab', 'cd']))
show(chain())
print(chain[int])
class MyChain(chain): pass
print(type(MyChain.from_iterable([[1]])).__name__)

# compress / dropwhile / takewhile / filterfalse
show(compress('ABCDEF', [1, 0, 1, 0, 1, 1]))
show(compress(data='ABC', selectors=[0, 1]))
show(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1]))
show(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1]))
show(filterfalse(lambda x: x % 2, range(10)))
show(filterfalse(None, [0, 1, '', 'a', None]))
show(filterfalse(bool, [0, 1, [], [2]]))

# groupby
for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g))
print([(k, len(list(g))) for k, g in groupby(range(10), key=lambda x: x // 3)])
gs = [g for k, g in groupby('aabbc')]
print([list(g) for g in gs])
it = groupby('aabb')
k, g = next(it)
print(k, next(g))
k2, g2 = next(it)
print(k2, list(g), list(g2))
print(type(g).__name__, type(g).__module__)

# islice
show(islice('ABCDEFG', 2))
show(islice('ABCDEFG', 2, 4))
show(islice('ABCDEFG', 2, None))
show(islice('ABCDEFG', 0, None, 2))
show(islice(range(100), 5, 50, 10))
show(islice(count(), None, 10, 3))
for args in [(-1,), (1, -1), ('a',), (1, 2, 0), (0, 1, -1), (None, None, 'x'), (2**100,)]:
    try:
        islice(range(10), *args)
    except ValueError as e:
        print('ValueError', e)
for args in [(), (1, 2, 3, 4, 5)]:
    try:
        islice(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    islice([], stop=3)
except TypeError as e:
    print('TypeError', e)

# pairwise / starmap / zip_longest
show(pairwise('ABCDE'))
show(pairwise('A'))
show(starmap(pow, [(2, 5), (3, 2), (10, 3)]))
show(starmap(lambda *a: a, ['ab', [1]]))
show(zip_longest('ABCD', 'xy', fillvalue='-'))
show(zip_longest('AB', range(3), [None]))
show(zip_longest())
try:
    zip_longest([], foo=1)
except TypeError as e:
    print('TypeError', e)

# tee
a, b = tee(range(5))
print(next(a), next(a), list(b), list(a))
print(tee([1, 2], 0), len(tee('abc', 3)))
try:
    tee([], -1)
except ValueError as e:
    print('ValueError', e)
a, b = tee(iter([1, 2, 3]))
c, d = tee(a)
print(a is c, type(a).__name__, list(c), list(d), list(b))
t = tee(range(200))
print(sum(t[0]), sum(t[1]))
x = tee('ab')[0]
y = x.__copy__()
print(list(x), list(y))

# combinatorics
show(product('AB', 'xy'))
show(product(range(2), repeat=3))
show(product())
show(product('ab', []))
show(product(repeat=2))
try:
    product('a', repeat=-1)
except ValueError as e:
    print('ValueError', e)
try:
    product('a', times=2)
except TypeError as e:
    print('TypeError', e)
show(permutations('ABC'))
show(permutations(range(4), 2))
show(permutations('AB', 3))
show(permutations([], 0))
show(combinations('ABCD', 2))
show(combinations(range(4), 3))
show(combinations('AB', 3))
show(combinations('', 0))
show(combinations_with_replacement('ABC', 2))
show(combinations_with_replacement('', 2))
show(combinations_with_replacement('', 0))
for f, args in [(combinations, ('ab', -1)), (permutations, ('ab', -1)),
                (combinations_with_replacement, ('ab', -2))]:
    try:
        f(*args)
    except ValueError as e:
        print('ValueError', e)
try:
    permutations('ab', 1.0)
except TypeError as e:
    print('TypeError', e)
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
print(product('ab', 'cd').__sizeof__(), combinations('abc', 2).__sizeof__(),
      permutations('abcd', 2).__sizeof__())
