# classmethod/staticmethod copy the callable's attributes (3.10+) and expose it as
# __func__ and __wrapped__; map, filter and zip reduce for pickling.
def f():
    "doc of f"
f.__annotations__ = {'a': 1}
for W in (classmethod, staticmethod):
    w = W(f)
    print(w.__wrapped__ is f, w.__func__ is f, w.__name__, w.__qualname__, w.__doc__,
          w.__module__, w.__annotations__, sorted(w.__dict__))
    try:
        w.__wrapped__ = 1
    except AttributeError as e:
        print(e)
    print(type(W.__dict__["__wrapped__"]).__name__, type(W.__dict__["__func__"]).__name__)
print(classmethod(len).__wrapped__, staticmethod(len).__name__)

for o in [map(abs, [1]), filter(None, [1]), zip([1]), zip([1], strict=True)]:
    r = o.__reduce__()
    print(type(o).__name__, r[0].__name__, [type(x).__name__ for x in r[1]], r[2:])
m = map(pow, [2, 3], [5, 2])
next(m)
cls, args = m.__reduce__()
print(list(cls(*args)))
z = zip("ab", "abc")
z.__setstate__(True)
try:
    print(list(z))
except ValueError as e:
    print("ValueError", e)
z = zip("ab", "ab", strict=True)
z.__setstate__(0)
print(z.__reduce__()[2:], list(z))
f2 = filter(lambda x: x % 2, range(6))
cls, args = f2.__reduce__()
print(list(cls(*args)))
