# dict subclasses: overridden methods and which built-in operations call them.
class Loud(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print('get', k)
        return super().__getitem__(k)
    def keys(self):
        print('keys')
        return super().keys()

l = Loud(a=1)
l['b'] = 2
l.update(c=3)
l.setdefault('d', 4)
print(l['a'], l.get('a'), dict(l), {**l})
print(l, repr(l), type(l).__name__)
x = {}
x.update(l)
print(x)

class Iter(dict):
    def __iter__(self):
        print('iter')
        return iter(['a'])
    def keys(self):
        print('keys called')
        return ['a']
    def __getitem__(self, k):
        print('getitem', k)
        return 'overridden'
i = Iter(a=1, b=2)
print(dict(i))
y = {}
y.update(i)
print(y, i.copy(), type(i.copy()).__name__)

class Eq(dict):
    def __eq__(self, other):
        return 'always'
print(Eq() == {}, {} == Eq(), Eq() != {})

class Hashable(dict):
    def __hash__(self):
        return 7
print(hash(Hashable()), {Hashable(): 1})

class WithAttrs(dict):
    pass
w = WithAttrs(x=1)
w.attr = 'value'
print(w, w.attr, vars(w), w | {'y': 2}, type(w | {'y': 2}).__name__)
w |= {'z': 3}
print(w, type(w).__name__)

class Init(dict):
    def __init__(self, *args, **kwargs):
        print('init', args, kwargs)
        super().__init__(*args, **kwargs)
print(Init([(1, 2)], k='v'))
try:
    dict.__init__(Init(), 1, 2)
except TypeError as e:
    print('TypeError', e)
print(isinstance(w, dict), issubclass(WithAttrs, dict), WithAttrs.__mro__)
