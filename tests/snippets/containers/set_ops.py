# Set algebra: methods, operators, and mixed argument types.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9], (10,)), a.intersection(b, [4]), a.difference(b, [1]), a.symmetric_difference([4, 6]))
print(a.union(), a.intersection(), a.difference(), a.union(range(3)), a.intersection({}), a.difference({1: 'x'}))
print(a.issubset(range(10)), a.issubset([1]), a.issuperset([1, 2]), a.issuperset(b), a.isdisjoint([9]), a.isdisjoint(b))
print(a < b, a <= a, a > {1}, a >= {1, 2, 3, 4}, a == {4, 3, 2, 1}, a != b)
print(frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__, type(frozenset(a) - b).__name__)
attempt(lambda: a | [1])
attempt(lambda: a & (1,))
attempt(lambda: a - 'x')
attempt(lambda: a ^ None)
attempt(lambda: a < [1])
attempt(lambda: a.union(1))
attempt(lambda: a.issubset(5))
attempt(lambda: a.update(1))
attempt(lambda: a.symmetric_difference(1))
attempt(lambda: a.isdisjoint(1))
c = set(a)
c |= {7}
c &= {1, 2, 7, 8}
c -= {2}
c ^= {1, 9}
print(c)
c.update([5], (6,), {'k': 1})
c.difference_update([5], {6})
c.intersection_update(range(100), [7, 9, 'k', 11])
print(c)
c.symmetric_difference_update({9: 0, 10: 0})
print(c)
d = set(range(5))
d -= d
print(d)
d = set(range(5))
d ^= d
print(d)
d = set(range(5))
d &= d
print(d)
d |= d
print(d)
try:
    d |= [1]
except TypeError as e:
    print('TypeError', e)
f = frozenset([1, 2])
g = f
f |= {3}
print(f, g, f is g)
big = set(range(1000))
small = {1, 500, 2000}
print(small - big, big.isdisjoint(small), small & big, sorted(big - set(range(5, 1000))))
print(set(range(10)).difference(range(5)), set(range(100)).difference({1: 1, 2: 2}) == set(range(100)) - {1, 2})
print({1, 2}.intersection([2, 2, 2]), set('abc').intersection('cb') == {'b', 'c'})
