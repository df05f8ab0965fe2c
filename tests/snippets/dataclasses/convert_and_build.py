# asdict/astuple (recursive, deep-copying), make_dataclass, replace, slots,
# weakref_slot, inheritance of fields, and abstract methods the generated ones fill.
import abc
import weakref
from collections import namedtuple, OrderedDict
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         make_dataclass, is_dataclass)

Pair = namedtuple("Pair", "left right")


@dataclass
class Inner:
    v: int
    items: list = field(default_factory=list)


@dataclass
class Outer:
    name: str
    inner: Inner
    many: list
    mapping: dict
    pair: Pair
    tup: tuple = ()


inner = Inner(1, [[1, 2], {"k": 3}])
o = Outer("o", inner, [Inner(2), 5], {"a": Inner(3), Inner(4).v: "x"},
          Pair(Inner(5), 6), (Inner(6), 7))
d = asdict(o)
print(d)
print(d["inner"]["items"] is not inner.items, d["inner"]["items"][0] is not inner.items[0])
print(type(d["pair"]).__name__, d["pair"].left)
print(astuple(o))
print(asdict(o, dict_factory=OrderedDict)["inner"])
print(astuple(inner, tuple_factory=list))
print(asdict(Inner(1, items=[Inner(2, items=[Inner(3)])])))


class MyList(list):
    pass


@dataclass
class HoldsSubclass:
    data: MyList


r = asdict(HoldsSubclass(MyList([Inner(1)])))
print(r, type(r["data"]).__name__)

C = make_dataclass("C", ["a", ("b", int), ("c", list, field(default_factory=list))],
                   namespace={"double": lambda self: self.b * 2}, frozen=True)
c = C(1, 2)
print(c, c.double(), C.__module__, C.__qualname__, C.__doc__, is_dataclass(C))
print([(f.name, f.type) for f in fields(C)], C.__dataclass_params__.frozen)
print(replace(c, b=5))


@dataclass
class Base:
    x: int = 1
    y: str = "b"


D = make_dataclass("D", [("z", float, 0.5)], bases=(Base,), order=True)
print(D(), D(2, "q", 1.5) < D(2, "q", 2.5), D.__mro__[1].__name__)


@dataclass
class Child(Base):
    y: str = "child"
    extra: bool = False


print(Child(), [f.name for f in fields(Child)], Child.__doc__)


@dataclass(slots=True)
class Slot:
    a: int
    b: int = 2
    c: list = field(default_factory=list)


s = Slot(1)
print(s, Slot.__slots__, hasattr(s, "__dict__"), Slot.__qualname__)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    weakref.ref(s)
except TypeError as e:
    print("TypeError:", e)


@dataclass(slots=True, weakref_slot=True)
class WeakSlot:
    a: int


ws = WeakSlot(1)
print(weakref.ref(ws)() is ws, WeakSlot.__slots__)


@dataclass(slots=True)
class SlotChild(Slot):
    d: int = 4


print(SlotChild(1), SlotChild.__slots__)


@dataclass(slots=True, weakref_slot=True)
class WeakChild(WeakSlot):
    b: int = 0


print(WeakChild.__slots__)


class Shape(abc.ABC):
    @abc.abstractmethod
    def __repr__(self):
        ...

    @abc.abstractmethod
    def area(self):
        ...


@dataclass
class Square(Shape):
    side: int

    def area(self):
        return self.side ** 2


print(Square(3), Square(3).area(), Square.__abstractmethods__)


@dataclass(repr=False)
class Abstract(Shape):
    side: int

    def area(self):
        return 0


try:
    Abstract(1)
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    pass


@dataclass
class WithMeta(metaclass=Meta):
    a: int = 0


print(type(WithMeta).__name__, WithMeta())


@dataclass(slots=True)
class SlotMeta(metaclass=Meta):
    a: int = 0


print(type(SlotMeta).__name__, SlotMeta(), SlotMeta.__slots__)
