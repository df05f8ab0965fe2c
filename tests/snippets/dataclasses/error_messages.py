# Every error dataclasses raises for a bad class or a bad call, with its message.
import abc
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         make_dataclass, InitVar, KW_ONLY)
from typing import ClassVar


def attempt(label, make):
    try:
        result = make()
    except (TypeError, ValueError, AttributeError) as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: ok {result!r}")


def mutable_list():
    @dataclass
    class C:
        a: list = []


def mutable_dict():
    @dataclass
    class C:
        a: dict = {}


def mutable_custom():
    class Unhashable:
        __hash__ = None

    @dataclass
    class C:
        a: Unhashable = Unhashable()


def mutable_in_field():
    @dataclass
    class C:
        a: set = field(default=set())


def non_default_after_default():
    @dataclass
    class C:
        a: int = 0
        b: int


def non_default_after_inherited_default():
    @dataclass
    class B:
        a: int = 0

    @dataclass
    class C(B):
        b: int


def field_without_annotation():
    @dataclass
    class C:
        a: int
        b = field(default=1)


def kw_only_twice():
    @dataclass
    class C:
        a: int
        _: KW_ONLY
        b: int
        __: KW_ONLY
        c: int


def classvar_kw_only():
    @dataclass
    class C:
        a: ClassVar[int] = field(default=1, kw_only=True)


def classvar_factory():
    @dataclass
    class C:
        a: ClassVar[list] = field(default_factory=list)


def initvar_factory():
    @dataclass
    class C:
        a: InitVar[list] = field(default_factory=list)


def frozen_from_mutable():
    @dataclass
    class B:
        a: int

    @dataclass(frozen=True)
    class C(B):
        b: int


def mutable_from_frozen():
    @dataclass(frozen=True)
    class B:
        a: int

    @dataclass
    class C(B):
        b: int


def order_without_eq():
    @dataclass(order=True, eq=False)
    class C:
        a: int


def overwrite_lt():
    @dataclass(order=True)
    class C:
        a: int

        def __lt__(self, other):
            return False


def overwrite_setattr():
    @dataclass(frozen=True)
    class C:
        a: int

        def __setattr__(self, name, value):
            pass


def overwrite_delattr():
    @dataclass(frozen=True)
    class C:
        a: int

        def __delattr__(self, name):
            pass


def unsafe_hash_with_hash():
    @dataclass(unsafe_hash=True)
    class C:
        a: int

        def __hash__(self):
            return 0


def weakref_without_slots():
    @dataclass(weakref_slot=True)
    class C:
        a: int


def slots_twice():
    @dataclass(slots=True)
    class C:
        __slots__ = ("a",)
        a: int


def iterator_slots():
    class B:
        __slots__ = iter(("x",))

    @dataclass(slots=True)
    class C(B):
        a: int


@dataclass
class D:
    a: int
    b: int = field(init=False, default=5)
    c: InitVar[int] = 3
    d: InitVar[int] = None

    def __post_init__(self, c, d):
        self.cd = (c, d)


@dataclass
class E:
    a: int
    e: InitVar[int]

    def __post_init__(self, e):
        pass


@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2


for label, make in [
    ("mutable list", mutable_list),
    ("mutable dict", mutable_dict),
    ("mutable custom", mutable_custom),
    ("mutable in field", mutable_in_field),
    ("both defaults", lambda: field(default=1, default_factory=list)),
    ("non-default after default", non_default_after_default),
    ("non-default after inherited default", non_default_after_inherited_default),
    ("field without annotation", field_without_annotation),
    ("KW_ONLY twice", kw_only_twice),
    ("ClassVar kw_only", classvar_kw_only),
    ("ClassVar factory", classvar_factory),
    ("InitVar factory", initvar_factory),
    ("frozen from mutable", frozen_from_mutable),
    ("mutable from frozen", mutable_from_frozen),
    ("order without eq", order_without_eq),
    ("overwrite __lt__", overwrite_lt),
    ("overwrite __setattr__", overwrite_setattr),
    ("overwrite __delattr__", overwrite_delattr),
    ("unsafe_hash with __hash__", unsafe_hash_with_hash),
    ("weakref_slot without slots", weakref_without_slots),
    ("slots twice", slots_twice),
    ("iterator slots", iterator_slots),
    ("fields of int", lambda: fields(int)),
    ("fields of instance", lambda: fields(3)),
    ("asdict of class", lambda: asdict(D)),
    ("asdict of int", lambda: asdict(1)),
    ("astuple of class", lambda: astuple(D)),
    ("replace of int", lambda: replace(1, a=2)),
    ("replace of class", lambda: replace(D, a=2)),
    ("replace init=False", lambda: replace(D(1), b=3)),
    ("replace unknown", lambda: replace(D(1), zz=3)),
    ("replace InitVar missing", lambda: replace(E(1, 2), a=3)),
    ("replace InitVar default", lambda: replace(D(1, c=9), a=3).cd),
    ("replace InitVar given", lambda: replace(E(1, 2), e=3)),
    ("init missing", lambda: D()),
    ("init too many", lambda: D(1, 2, 3, 4)),
    ("init unknown keyword", lambda: D(1, b=2)),
    ("kw_only positional", lambda: K(1)),
    ("kw_only missing", lambda: K(b=1)),
    ("make_dataclass bad item", lambda: make_dataclass("C", [("a", int, 1, 4)])),
    ("make_dataclass empty item", lambda: make_dataclass("C", [()])),
    ("make_dataclass bad name", lambda: make_dataclass("C", ["1a"])),
    ("make_dataclass int name", lambda: make_dataclass("C", [(3, int)])),
    ("make_dataclass keyword", lambda: make_dataclass("C", ["for"])),
    ("make_dataclass duplicate", lambda: make_dataclass("C", ["a", ("a", int)])),
    ("make_dataclass not iterable", lambda: make_dataclass("C", 5)),
    ("make_dataclass mutable", lambda: make_dataclass("C", [("a", list, [])])),
    ("dataclass positional flag", lambda: dataclass(None, True)),
    ("dataclass unknown flag", lambda: dataclass(spam=True)),
    ("field positional", lambda: field(1)),
]:
    attempt(label, make)
