"""Keyword argument handling: **kwargs preserves order, dict unpacking order, keyword names as strings."""
def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3), f(**{"b": 1, "a": 2}, c=3))
def g(a, b, c):
    return a, b, c
print(g(c=3, a=1, b=2), g(1, c=3, b=2), g(*(1,), **{"c": 3, "b": 2}))
def h(*args, sep=" ", **rest):
    return sep.join(map(str, args)), rest
print(h(1, 2, sep="+", end="!"), h())
print(dict(a=1, b=2), dict({"x": 1}, y=2), dict([("p", 1)], q=2))
try:
    dict(1)
except TypeError as e:
    print(type(e).__name__, e)
def kw_any(**kw):
    return kw
print(kw_any(**{"with space": 1, "": 2}))
try:
    g(1, 2, 3, a=4)
except TypeError as e:
    print(type(e).__name__, e)
