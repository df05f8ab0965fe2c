"""gc.is_tracked: CPython's rules. Atomic objects are never tracked; tuples are
untracked lazily (by a collection) when they hold only untracked objects; dicts start
untracked and become tracked when they receive a container."""
import gc


def f():
    pass


class C:
    pass


class S:
    __slots__ = ()


print('atomic', [gc.is_tracked(x) for x in (0, 10**30, 1.5, 2j, 'text', b'bytes', None,
                                           True, Ellipsis, NotImplemented, range(3),
                                           slice(1, 2), int, type)])
print('containers', [gc.is_tracked(x) for x in ([], set(), frozenset({1}), bytearray(b'x'),
                                               f, C, C(), S(), iter([]), object())])
print('classes', gc.is_tracked(C), gc.is_tracked(S), gc.is_tracked(int), gc.is_tracked(C.__dict__))
print('module', gc.is_tracked(gc))

# Tuples: tracked when built at run time, untracked by a collection if they contain
# only untracked objects.
n = 5
t1 = (n, n + 1)
t2 = ([], n)
t3 = (n, 'a', (n, 2.5))
t4 = (n, (n, []))
print('tuples before', gc.is_tracked(t1), gc.is_tracked(t2), gc.is_tracked(t3), gc.is_tracked(t4))
gc.collect()
print('tuples after', gc.is_tracked(t1), gc.is_tracked(t2), gc.is_tracked(t3), gc.is_tracked(t4))
print('inner', gc.is_tracked(t3[2]), gc.is_tracked(t4[1]))
print('empty tuple', gc.is_tracked(()))
print('constant tuple', gc.is_tracked((1, 2)))

# Dicts.
d = {}
print('empty dict', gc.is_tracked(d))
d[1] = 'one'
d['x'] = 2.5
print('atomic values', gc.is_tracked(d))
d[2] = []
print('container value', gc.is_tracked(d))
del d[2]
print('after deleting it', gc.is_tracked(d))
gc.collect()
print('after a full collection', gc.is_tracked(d))
d2 = {}
d2[(n, n)] = 1
print('tracked tuple key', gc.is_tracked(d2))
print('literal', gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}), gc.is_tracked({'a': (1, 2)}))
print('dict()', gc.is_tracked(dict(a=1)), gc.is_tracked(dict(a=[])))
print('comprehension', gc.is_tracked({i: i for i in range(3)}), gc.is_tracked({i: [i] for i in range(3)}))
d3 = {'a': 1}
d3.update({'b': {}})
print('update', gc.is_tracked(d3))
d4 = {'a': 1}.copy()
print('copy', gc.is_tracked(d4), gc.is_tracked({'a': []}.copy()))
d5 = dict.fromkeys('abc')
print('fromkeys', gc.is_tracked(d5))
d6 = {}
d6.setdefault('k', [])
print('setdefault', gc.is_tracked(d6))
print('instance dict', gc.is_tracked(C().__dict__))

# Lists and sets are always tracked, even empty.
print('list/set', gc.is_tracked([]), gc.is_tracked([1]), gc.is_tracked({1}), gc.is_tracked(set()))
