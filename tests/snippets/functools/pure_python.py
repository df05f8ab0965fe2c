# functools with the native _functools blocked: the pure-Python partial, reduce,
# cmp_to_key and lru_cache (what CPython's test_functools runs as py_functools).
import sys
import functools  # noqa: F401  (so that there is one to set aside)

saved = sys.modules.pop("functools")
sys.modules["_functools"] = None
import functools as py
del sys.modules["_functools"]
sys.modules["functools"] = saved

print(type(py.partial).__name__, py.reduce.__module__, py.cmp_to_key.__module__)


def show(*a, **k):
    return a, k


p = py.partial(show, 1, a=2)
print(p(2, b=3), p.args, p.keywords, repr(p).replace(repr(show), "SHOW"))
q = py.partial(p, 3)
print(q.func is show, q.args)
print(p.__reduce__()[2][1:])
try:
    py.partial(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.__setstate__((1, (), None, None))
except TypeError as e:
    print("TypeError:", e)
print(py.reduce(lambda x, y: x * y, range(1, 6)), py.reduce(max, [], 5))
for thunk in (lambda: py.reduce(max, []), lambda: py.reduce(max, 3)):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)
K = py.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=K), K(1) < K(2), K(2) >= K(2))


@py.lru_cache(maxsize=2)
def f(x, y=0):
    return x + y


print(f(1), f(1), f(2), f(3), f(1, y=1), f.cache_info(), f.cache_parameters())
f.cache_clear()
print(f.cache_info())


@py.lru_cache(maxsize=None, typed=True)
def g(x):
    return type(x).__name__


print(g(1), g(1.0), g(1), g.cache_info())


@py.lru_cache(maxsize=0)
def h(x):
    return x


print(h(1), h(1), h.cache_info())


@py.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@py.singledispatch
def fun(arg):
    return "default"


@fun.register
def _(arg: int):
    return "int"


@fun.register(list)
def _(arg):
    return "list"


print(fun(1), fun([]), fun("s"), fun(True), fun.dispatch(bool).__name__, sorted(
    c.__name__ for c in fun.registry))
