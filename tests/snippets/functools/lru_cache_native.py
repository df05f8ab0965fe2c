# functools.lru_cache over the native _lru_cache_wrapper: keys, statistics, eviction
# order, typed caches, re-entrancy, copying and pickling.
import copy
import functools
import pickle

calls = []


@functools.lru_cache(maxsize=2)
def f(x, y=0):
    calls.append((x, y))
    return x + y


print(f(1), f(1), f(2), f(3), f(1))
print(calls)
print(f.cache_info())
f.cache_clear()
print(f.cache_info())
print(f(1, y=2), f(1, 2), f(x=1, y=2), f(y=2, x=1))
print(f.cache_info())
print(type(f).__name__, f.__wrapped__.__name__, f.__name__, f.cache_parameters())


@functools.lru_cache(maxsize=None, typed=True)
def g(x):
    return type(x).__name__


print(g(1), g(1.0), g(True), g(1), g.cache_info())


@functools.lru_cache(maxsize=0)
def h(x):
    return x * 2


print(h(1), h(1), h.cache_info())


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.lru_cache(maxsize=-5)
def neg(x):
    return x


print(neg(1), neg.cache_info())

# Unhashable arguments
try:
    f([1])
except TypeError as e:
    print("TypeError:", e)

# Errors of the wrapper's constructor
for args in [(len, "a", False, None), (3, 1, False, None), ()]:
    try:
        functools._lru_cache_wrapper(*args)
    except TypeError as e:
        print("TypeError:", e)

try:
    functools.lru_cache("x")
except TypeError as e:
    print("TypeError:", e)

# Re-entrancy: the function clears its own cache and calls itself.
@functools.lru_cache(maxsize=3)
def r(n):
    if n == 5:
        r.cache_clear()
    if n > 0:
        return r(n - 1) + 1
    return 0


print(r(8), r(8), r.cache_info())


# A key whose __eq__ calls the cache.
class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1

    def __eq__(self, other):
        s(0)
        return self.v == other.v


@functools.lru_cache(maxsize=2)
def s(x):
    return x if isinstance(x, int) else x.v


print(s(K(1)), s(K(2)), s(K(3)), s(K(1)), s.cache_info().currsize)

# Methods: the wrapper binds like a function.


class A:
    @functools.lru_cache
    def m(self, x):
        return (self.n, x)

    def __init__(self, n):
        self.n = n


print(A(1).m(2), A(3).m(2), A.m.cache_info().misses)
print(copy.copy(f) is f, copy.deepcopy(f) is f, f.__reduce__())
print(pickle.loads(pickle.dumps(f)) is f)
f.extra = 5
print(f.__dict__["extra"])
print(repr(functools._lru_cache_wrapper.__doc__[:40]))


@functools.cache
def c(*a, **k):
    return len(a) + len(k)


print(c(1, 2, z=3), c(1, 2, z=3), c.cache_info())
