import copy
import copyreg

a = [1, [2, 3], {'k': (4, [5])}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]['k'][1] is a[2]['k'][1])
t = (1, 2, 'x')
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2))
r = []
r.append(r)
rc = copy.deepcopy(r)
print(rc[0] is rc, rc is not r)
shared = [1]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is not shared)
for v in (None, 1, 2.5, 'abc', b'b', frozenset({1}), range(3), len, int, Ellipsis):
    print(repr(copy.copy(v)), copy.copy(v) is v, copy.deepcopy(v) is v)
print(copy.copy({1, 2}), copy.copy(bytearray(b'x')), copy.copy({'a': 1}))

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'P(%r, %r)' % (self.x, self.y)
p = P([1], 'y')
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(pc, pd, pc.x is p.x, pd.x is p.x, type(pd).__name__)

class Slots:
    __slots__ = ('a', 'b')
sl = Slots()
sl.a = [1]
slc = copy.deepcopy(sl)
print(slc.a, slc.a is sl.a, hasattr(slc, 'b'))

class WithCopy:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print('__copy__ called')
        return WithCopy(self.v + 1)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return WithCopy(self.v + 10)
print(copy.copy(WithCopy(1)).v, copy.deepcopy(WithCopy(1)).v)

class WithState:
    def __init__(self): self.data = [1, 2]
    def __getstate__(self):
        print('getstate')
        return {'data': self.data, 'extra': True}
    def __setstate__(self, st):
        print('setstate', sorted(st))
        self.__dict__.update(st)
ws = copy.deepcopy(WithState())
print(ws.data, ws.extra)

class Reduced:
    def __init__(self, v): self.v = v
    def __reduce__(self):
        return (Reduced, (self.v * 2,))
print(copy.copy(Reduced(3)).v, copy.deepcopy(Reduced(3)).v)

class Named:
    def __reduce__(self):
        return 'Named'
n = Named()
print(copy.copy(n) is n, copy.deepcopy(n) is n)

class Listish(list):
    pass
li = Listish([1, [2]])
li.attr = 'a'
lc = copy.deepcopy(li)
print(type(lc).__name__, lc, lc.attr, lc[1] is li[1])
class Dictish(dict):
    pass
dc = copy.copy(Dictish(a=1))
print(type(dc).__name__, dc)

class Reg:
    def __init__(self, v): self.v = v
copyreg.pickle(Reg, lambda r: (Reg, (r.v + 100,)))
print(copy.copy(Reg(1)).v, copy.deepcopy(Reg(1)).v)

class Meth:
    def m(self): return self
mo = Meth()
bm = copy.deepcopy(mo.m)
print(bm() is not mo, type(bm()).__name__)

memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(memo[id(x)] is y[0], id(memo) in memo)

class Uncopyable:
    def __reduce_ex__(self, proto):
        raise TypeError('nope')
try:
    copy.copy(Uncopyable())
except TypeError as e:
    print('TypeError', e)
print(copy.error is copy.Error, copy.__all__)
