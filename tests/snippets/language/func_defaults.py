"""Default arguments: evaluation time, mutable default sharing, None idiom, __defaults__."""
counter = 0
def make():
    global counter
    counter += 1
    return counter
def f(a, b=make(), c=[]):
    c.append(a)
    return a, b, c
print(f(1), f(2), f(3, 0, []), f(4))
print(counter, f.__defaults__)
def g(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items
print(g(1), g(2))
def h(a, b=2, *, c=3, d):
    return a, b, c, d
print(h(1, d=4), h(1, 5, d=6, c=7), h.__kwdefaults__)
x = 10
def capture(v=x):
    return v
x = 20
print(capture())
def f2(a=1, b=2):
    return a, b
f2.__defaults__ = (100, 200)
print(f2())
f2.__defaults__ = None
try:
    f2()
except TypeError as e:
    print(type(e).__name__, e)
