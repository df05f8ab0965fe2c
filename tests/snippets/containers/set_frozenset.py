# frozenset hashing (exactly CPython's), equality with sets, nesting, subclasses.
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset(range(100))))
print(hash(frozenset([frozenset([1]), frozenset([2])])), hash(frozenset([(1, 2), (3, 4)])))
print(hash(frozenset([-1, -2, 2 ** 64])), hash(frozenset([1.5, 2.5])))
f = frozenset(range(10))
g = frozenset(range(9, -1, -1))
print(f == g, hash(f) == hash(g), f is g)
s = set(range(10))
for i in range(5):
    s.discard(i)
for i in range(5):
    s.add(i)
print(hash(frozenset(s)) == hash(f))
d = {frozenset({1, 2}): 'a'}
print(d[frozenset([2, 1])], {1, 2} in {frozenset({1, 2})})
print(frozenset({1, 2}) in [set([1, 2])])
container = {frozenset({1}), frozenset({2})}
print(set({1}) in container, {3} in container)
try:
    container.remove({1})
    print(container)
except TypeError as e:
    print('TypeError', e)
container.discard({2})
print(container)
class F(frozenset):
    def __repr__(self):
        return 'F!'
x = F([1, 2])
print(x, repr(F()), type(x | {3}).__name__, hash(x) == hash(frozenset([1, 2])), x == {1, 2})
print(type(x.copy()).__name__, x.copy() is x, type(F(x)).__name__)
class G(frozenset):
    pass
print(G([3]), G(), repr(G(range(3))), type(G([1]) & {1}).__name__)
class S(set):
    pass
s = S([1, 2])
print(s, repr(S()), type(s.copy()).__name__, type(s | {1}).__name__, type(s.union()).__name__)
s.extra = 1
print(s.__reduce__(), set([3]).__reduce__(), frozenset().__reduce__())
