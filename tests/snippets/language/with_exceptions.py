"""with and exceptions: suppression by __exit__, exception info passed, exceptions raised in __exit__."""
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit got", et.__name__ if et else None, repr(ev), tb is not None)
        return et is not None and issubclass(et, self.types)
with Suppress(ZeroDivisionError):
    1 / 0
print("suppressed and continued")
try:
    with Suppress(KeyError):
        [][0]
except IndexError as e:
    print("not suppressed", type(e).__name__, e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return "yes"
def f():
    for i in range(3):
        with Truthy():
            raise ValueError(i)
    return "all swallowed"
print(f())
class Order:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
    def __exit__(self, et, *a):
        print("exit", self.n, et.__name__ if et else None)
        return self.n == 1
with Order(1), Order(2):
    raise KeyError("x")
print("outer suppressed")
def gen_in_with():
    with Order(3):
        yield 1
        yield 2
g = gen_in_with()
next(g)
g.close()
import sys
class Info:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exc_info in exit", sys.exc_info()[0])
with Info():
    pass
try:
    with Info():
        raise OSError("x")
except OSError:
    print("propagated")
