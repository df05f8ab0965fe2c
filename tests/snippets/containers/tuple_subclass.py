# Subclasses of tuple: construction, overridden methods, repr.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return f'Point({self[0]}, {self[1]})'

p = Point(3, 4)
print(p, p.x, len(p), p + (5,), type(p + (5,)).__name__, p[:], type(p[:]).__name__)
print(isinstance(p, tuple), p == (3, 4), hash(p) == hash((3, 4)), tuple(p), type(tuple(p)).__name__)
print(p * 1, type(p * 1).__name__, p.index(4), p.count(3))

class T(tuple):
    pass

t = T([1, 2, 3])
print(t, repr(t), type(t).__name__, t[1:] , type(t[1:]).__name__, T() == (), T() is tuple())
t.attr = 5
print(t.attr, vars(t))
try:
    T(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    T(x=1)
except TypeError as e:
    print('TypeError', e)

class KW(tuple):
    def __init__(self, *args, **kwargs):
        self.kw = kwargs
k = KW([1], a=2)
print(k, k.kw)

class Rev(tuple):
    def __getitem__(self, i):
        return 'item' + str(i)
    def __len__(self):
        return 99
    def __iter__(self):
        return iter(['x', 'y'])
r = Rev((1, 2))
print(r[0], len(r), list(r), tuple(r), r.count(1), 1 in r, repr(r))
print(tuple.__len__(r), tuple.__getitem__(r, 0))
