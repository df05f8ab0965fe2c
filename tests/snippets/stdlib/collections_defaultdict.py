from _collections import defaultdict, _count_elements, _tuplegetter

d = defaultdict(list)
d['a'].append(1); d['b'].append(2); d['a'].append(3)
print(d, d['a'], len(d), isinstance(d, dict), d.default_factory)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1))
e = defaultdict()
try:
    e['missing']
except KeyError as ex:
    print('KeyError', ex, ex.args)
try:
    defaultdict(5)
except TypeError as ex:
    print('TypeError', ex)
print(d.get('zz'), 'zz' in d)
c = d.copy()
print(type(c).__name__, c, c.default_factory is list, c is d)
import copy as _c
print(d.__copy__())
r = d.__reduce__()
print(r[0].__name__, r[1], r[2], r[3], list(r[4]))
print(defaultdict().__reduce__()[1])
print(d | {'z': 9}, {'y': 1} | d, type({'y': 1} | d).__name__)
d |= {'q': 0}
print(d)
print(d.__or__(5))
d.default_factory = int
print(d['new'], d)
d.default_factory = None
print(repr(d.default_factory))
del d.default_factory
print(d.default_factory)
dd = defaultdict(int)
dd.default_factory = dd.copy
print(repr(defaultdict(lambda: 0)).startswith('defaultdict(<function <lambda>'))
rec = defaultdict(list)
rec.default_factory = rec.__getitem__
print(repr(rec).startswith('defaultdict(<built-in method __getitem__ of collections.defaultdict object'))
class MyDD(defaultdict):
    pass
m = MyDD(set, {1: {2}})
print(m, m.copy(), type(m.copy()).__name__, m[5])
print(defaultdict.__mro__)
print(defaultdict[str, int])
print(defaultdict(int) == {}, defaultdict(int, a=1) == {'a': 1})
tree = lambda: defaultdict(tree)
t = tree()
t['a']['b']['c'] = 1
print(t['a']['b'])

# _count_elements
counts = {}
_count_elements(counts, 'abracadabra')
print(counts)
class M(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
m = M()
_count_elements(m, 'aab')
print(m)
class G(dict):
    def get(self, k, default=None):
        print('get', k, default)
        return dict.get(self, k, default)
g = G()
_count_elements(g, 'xx')
print(g)
try:
    _count_elements({}, 5)
except TypeError as ex:
    print('TypeError', ex)

# _tuplegetter
class P(tuple):
    x = _tuplegetter(0, 'the x')
    y = _tuplegetter(1, None)
p = P((1, 2))
print(p.x, p.y, P.x.__doc__, P.y.__doc__, type(P.x).__name__)
try:
    p.x = 5
except AttributeError as ex:
    print('AttributeError', ex)
try:
    del p.x
except AttributeError as ex:
    print('AttributeError', ex)
print(P(()).__class__.x.__reduce__())
try:
    P(()).x
except IndexError as ex:
    print('IndexError', ex)
try:
    P.x.__get__([1, 2])
except TypeError as ex:
    print('TypeError', ex)
print(P.x.__get__(None, P) is P.x)
