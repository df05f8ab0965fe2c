"""Many exceptions raised and caught in loops, long context chains, and huge exception args."""
count = 0
for i in range(200_000):
    try:
        raise ValueError(i)
    except ValueError:
        count += 1
print(count)
def chain(n):
    try:
        if n == 0:
            raise KeyError("bottom")
        chain(n - 1)
    except KeyError as e:
        raise KeyError(n) from e
try:
    chain(500)
except KeyError as e:
    depth = 0
    while e is not None:
        depth += 1
        e = e.__cause__
    print("cause chain", depth)
e = None
for i in range(10_000):
    try:
        try:
            raise ValueError(i)
        except ValueError as inner:
            raise TypeError(i)
    except TypeError as outer:
        e = outer
print(repr(e), repr(e.__context__))
big = ValueError("x" * 1_000_000, list(range(1000)))
print(len(str(big)))
def self_context():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise a
        except ValueError as b:
            return b is a, b.__context__
print(self_context())
e1 = ValueError(1)
e2 = ValueError(2)
e1.__context__ = e2
e2.__context__ = e1
try:
    try:
        raise e1
    except ValueError:
        raise e2
except ValueError as final:
    print("cycle survived", final.args)
print("survived")
