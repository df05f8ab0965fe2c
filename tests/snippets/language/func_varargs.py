"""*args and **kwargs: collection, unpacking at call sites, ordering and duplicates."""
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], *(4,), x=5, **{"y": 6}, z=7))
def g(a, b, *rest, key=None, **extra):
    return a, b, rest, key, extra
print(g(1, 2), g(1, 2, 3, 4, key="k", other=0), g(*"ab"), g(**{"a": 1, "b": 2, "c": 3}))
args = [1, 2, 3]
kw = {"sep": "-"}
print(*args, **kw)
print(*[], **{})
def kwonly(**kw):
    return sorted(kw.items())
print(kwonly(**{"b": 1}, a=2))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
def gen():
    yield from range(3)
print(f(*gen()))
def count(*a):
    return len(a)
print(count(*range(1000)))
