"""Decorators: plain, with arguments, stacked order, class decorators, preserving attributes."""
def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        r = fn(*a, **k)
        print("ret", r)
        return r
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b=1):
    return a + b
add(2, b=3)
print(add.__name__, add.__wrapped__(1))
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x):
    return "hi " + x
print(hi("bob"))
order = []
def mark(tag):
    order.append(("factory", tag))
    def deco(fn):
        order.append(("apply", tag))
        return fn
    return deco
@mark("outer")
@mark("inner")
def f():
    pass
print(order)
def register(cls):
    cls.registered = True
    return cls
@register
class C:
    pass
print(C.registered)
registry = {}
def reg(name):
    def d(fn):
        registry[name] = fn
        return fn
    return d
@reg("sq")
def square(x):
    return x * x
print(registry["sq"](9))
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
@(lambda fn: lambda: fn() * 2)
def two():
    return 21
print(two())
def replace(fn):
    return 42
@replace
def gone():
    pass
print(gone)
