# The generated __init__, __repr__, __eq__ and ordering methods, field() options,
# the class attributes dataclass() adds, and the generated methods' names.
import dataclasses
import inspect
import re
from dataclasses import dataclass, field, fields, Field, MISSING


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, repr=False)
    note: str = field(default="", compare=False, metadata={"unit": "m"})


p = Point(1, 2)
print(p, repr(Point(3)), Point(4, tags=[1]).tags)
print(p == Point(1, 2), p == Point(1, 3), p == Point(1, 2, note="x"), p != (1, 2))
print(Point.__eq__(p, (1, 2)))
print(Point.y, hasattr(Point, "tags"), hasattr(Point, "x"))
print(Point.__doc__)
print(inspect.signature(Point))
print(Point.__init__.__annotations__)
print(Point.__match_args__)
for name in ("__init__", "__repr__", "__eq__"):
    fn = getattr(Point, name)
    print(name, fn.__name__, fn.__qualname__, fn.__module__)
print(Point.__hash__)
print(Point.__dataclass_params__)
print(list(Point.__dataclass_fields__))
f = fields(Point)[3]
print(re.sub(r' at 0x[0-9a-f]+', ' at ADDR', repr(f)))
print(f.metadata, f.metadata["unit"], type(f.metadata).__name__)
print(fields(p)[2].default_factory is list, fields(p)[0].default is MISSING)
print(Field[int], repr(MISSING)[:30].startswith("<dataclasses._MISSING_TYPE"))
print(dataclasses.is_dataclass(Point), dataclasses.is_dataclass(p), dataclasses.is_dataclass(1))
print(sorted(dataclasses.__all__))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9, "old"), Version(1, 0), Version(1, 2, "b")]
print(sorted(vs))
print(Version(1, 2) < Version(1, 3), Version(1, 2) <= Version(1, 2, "z"),
      Version(2) > Version(1, 9), Version(1) >= Version(1, 1))
print(Version.__lt__(Version(1), 5))
try:
    Version(1) < 5
except TypeError as e:
    print("TypeError:", e)
print(Version.__lt__.__qualname__, Version.__ge__.__qualname__)


@dataclass(init=False, repr=False, eq=False)
class Bare:
    a: int = 1


b = Bare()
print(b.a, "__init__" in Bare.__dict__, "__repr__" in Bare.__dict__, "__eq__" in Bare.__dict__)
print(Bare.__hash__ is object.__hash__, Bare.__doc__)


@dataclass
class Custom:
    """A documented class."""
    a: int

    def __repr__(self):
        return "custom"

    def __eq__(self, other):
        return True


print(repr(Custom(1)), Custom(1) == 5, Custom.__doc__, Custom.__hash__)


@dataclass
class WithSelf:
    self: int
    other: str = "o"


print(WithSelf(5), inspect.signature(WithSelf.__init__))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), Empty.__match_args__, Empty.__doc__)


@dataclass(match_args=False)
class NoMatch:
    a: int


print(hasattr(NoMatch, "__match_args__"))


@dataclass
class Shape:
    kind: str
    size: int = 1


for s in (Shape("sq", 3), Shape("ci")):
    match s:
        case Shape("sq", n):
            print("square", n)
        case Shape(k, size=1):
            print("unit", k)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


n = Node(1)
n.children.append(n)
print(n)
print(Node(2) is not Node(2), Node(2).children is not Node(2).children)


class Described:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        return 42

    def __repr__(self):
        return "Described()"


@dataclass
class UsesDescriptor:
    d: int = field(default=Described())


print(UsesDescriptor())
