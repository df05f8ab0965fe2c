import functools
from functools import *

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, 'abc'))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError', e)

def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 3, d=9), p.func is f, p.args, p.keywords)
pp = partial(p, 7)
print(pp(), pp.args, pp.keywords, pp.func is f)
print(repr(partial(max, 1, key=abs)))
try:
    partial(5)
except TypeError as e:
    print('TypeError', e)
r = p.__reduce__()
print(r[0].__name__, r[2][1], r[2][2])

@wraps(f)
def g(*a, **k):
    return f(*a, **k)
print(g.__name__, g.__wrapped__ is f, g(1, 2))

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V.__gt__.__name__)
try:
    total_ordering(type('E', (), {}))
except ValueError as e:
    print('ValueError', e)

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3), calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info(), sq.__wrapped__(5), sq.__name__)

@lru_cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@cache
def ident(x, y=0): return (x, y)
print(ident(1), ident(1), ident(1, y=2), ident.cache_info())

@lru_cache(maxsize=None, typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())

@lru_cache(0)
def z(x): return x
print(z(1), z(1), z.cache_info())
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError', e)

class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return 42
    def m(self, a, b): return (a, b)
    pm = partialmethod(m, 'A')
c = C()
print(c.val, c.val, c.n, C.val.attrname, c.pm('B'))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
