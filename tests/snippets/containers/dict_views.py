# dict views: set operations, comparisons, membership, reversed, repr.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
print('a' in k, 'z' in k, 1 in v, ('a', 1) in i, ('a', 2) in i, ['a', 1] in i, 'a' in i, ('a',) in i)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'z'}))
print(sorted({'a', 'q'} & k), sorted({'q'} | k), sorted({'a', 'q'} - k), sorted({'a', 'q'} ^ k))
print(sorted(k & ['a', 'b', 'x']), sorted(['c'] & k), sorted(k - ['a']), sorted(['a', 'x'] - k))
print(sorted(i & {('a', 1), ('b', 9)}), sorted(i - {('a', 1)}), sorted(i | {('z', 0)}))
print(sorted(i ^ {'a': 1, 'd': 4}.items()), sorted(k ^ {'a': 0, 'q': 0}.keys()))
print(k == {'a', 'b', 'c'}, k == {'a'}, k != {'a'}, k < {'a', 'b', 'c', 'd'}, k <= k, k > {'a'}, k >= {'a', 'z'})
print(i == {('a', 1), ('b', 2), ('c', 3)}, k == ['a', 'b', 'c'], v == v, v == d.values())
print(k.isdisjoint({'x'}), k.isdisjoint(['a']), i.isdisjoint([('a', 1)]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__, type(reversed(d)).__name__)
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
d['d'] = 4
print(k, v, i)
print(k.mapping, k.mapping['a'], type(k.mapping).__name__)
for bad in [lambda: k < 1, lambda: k & 1, lambda: i | 5, lambda: v - v, lambda: k.isdisjoint(3)]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
class Unhashable:
    __hash__ = None
try:
    print(Unhashable() in k)
except TypeError as e:
    print('TypeError', e)
print(('a', Unhashable()) in i if False else 'skipped')
try:
    ('x', []) in {'x': []}.items()
    print('contains ok')
except TypeError as e:
    print('TypeError', e)
r = {}
r['self'] = r.keys()
print(r)
vv = {}
vv[1] = vv.values()
print(vv)
print(hash(d.values()) is not None)
try:
    hash(d.keys())
except TypeError as e:
    print('TypeError', e)
print(len({1: 2}.items() & {(1, 2)}), {}.keys() == set(), {}.items() == set())
