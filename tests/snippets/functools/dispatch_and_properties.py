# functools.singledispatch, singledispatchmethod, cached_property, total_ordering,
# wraps/update_wrapper and partialmethod.
import collections.abc
import functools


@functools.singledispatch
def describe(x):
    return "object"


@describe.register
def _(x: int):
    return "int"


@describe.register(collections.abc.Sequence)
def _(x):
    return "sequence"


@describe.register(float | complex)
def _(x):
    return "float or complex"


class MyList(list):
    pass


print(describe(1), describe(True), describe("s"), describe(MyList()), describe(1.5),
      describe(2j), describe({}), describe(None))
print(describe.dispatch(bool).__name__, sorted(c.__name__ for c in describe.registry
                                                if isinstance(c, type)))
for bad in (lambda: describe.register(1, len), lambda: describe.register(1),
            lambda: describe()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Sized:
    def __len__(self):
        return 0


@describe.register(collections.abc.Sized)
def _(x):
    return "sized"


print(describe(Sized()), describe(set()), describe([]))


class Num:
    @functools.singledispatchmethod
    def add(self, other):
        return "other"

    @add.register
    def _(self, other: int):
        return "int"

    @functools.singledispatchmethod
    @classmethod
    def kind(cls, x):
        return "cls-any"

    @kind.register
    @classmethod
    def _(cls, x: str):
        return "cls-str"


print(Num().add(1), Num().add("a"), Num.kind("s"), Num.kind(3), Num.add.__name__)


class Lazy:
    def __init__(self):
        self.count = 0

    @functools.cached_property
    def value(self):
        """The doc."""
        self.count += 1
        return self.count * 10


z = Lazy()
print(z.value, z.value, z.count, Lazy.value.__doc__, Lazy.value.attrname)
del z.value
print(z.value, z.count)
try:
    class R:
        @functools.cached_property
        def a(self):
            pass
        b = a
except RuntimeError as e:
    print(repr(e), repr(e.__context__), repr(e.__cause__))


class Slots:
    __slots__ = ("x",)

    @functools.cached_property
    def p(self):
        return 1


try:
    Slots().p
except TypeError as e:
    print("TypeError:", e)


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(2) >= V(2), V(3) > V(2), V.__gt__.__name__)
try:
    @functools.total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print("ValueError:", e)


def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper


@deco
def documented(x):
    "Doc string."
    return x


print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)


class PM:
    def f(self, a, b):
        return (a, b)

    g = functools.partialmethod(f, 1)
    h = functools.partialmethod(f, b=2)


print(PM().g(5), PM().h(7), repr(PM.__dict__["g"]).split(" at ")[0])
