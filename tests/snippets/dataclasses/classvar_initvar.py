# ClassVar, InitVar and KW_ONLY annotations, real and as strings (recognised
# without evaluating them, by their leading name as dataclasses' _is_type does).
import dataclasses
import typing
import typing as t
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY
from typing import ClassVar, List
CV = ClassVar


@dataclass
class C:
    a: int
    counter: ClassVar[int] = 0
    plain: ClassVar = 5
    s1: "ClassVar[int]" = 1
    s2: "typing.ClassVar[int]" = 2
    s3: " typing . ClassVar" = 3
    s4: "t.ClassVar[int]" = 4
    s5: "CV[int]" = 6
    s6: "List[int]" = None


print([f.name for f in fields(C)])
print({name: f._field_type for name, f in C.__dataclass_fields__.items()})
print(C(1), C.counter)


@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2
    s_init: "InitVar[int]" = 3
    d_init: "dataclasses.InitVar[str]" = "d"
    bare: "InitVar" = None
    total: int = field(init=False)

    def __post_init__(self, scale, s_init, d_init, bare):
        self.total = self.x * scale + s_init
        print("post_init", scale, s_init, d_init, bare)


w = WithInit(5, 10)
print(w, w.total, [f.name for f in fields(w)])
print(WithInit.__dataclass_fields__["scale"]._field_type, WithInit.scale)
print(InitVar[int], InitVar[List[int]], InitVar[str].type, InitVar("x"))
print(type(InitVar[int]).__name__, isinstance(InitVar[int], InitVar))
print(WithInit.__doc__)


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3


print(KW(1, b=2), KW.__match_args__, KW.__doc__)


@dataclass
class KWString:
    a: int
    _: "dataclasses.KW_ONLY"
    b: int = 0


print(KWString(1, b=5), KWString.__doc__)


@dataclass(kw_only=True)
class AllKW:
    a: int = 0
    b: int = field(kw_only=False)


print(AllKW(4, a=1), AllKW.__doc__, AllKW.__match_args__)


@dataclass
class Base:
    x: int
    _: KW_ONLY
    y: int = 0


@dataclass
class Derived(Base):
    z: int
    w: int = field(default=1, kw_only=True)


print(Derived(1, 2, y=3), Derived.__doc__, Derived.__match_args__)
print([(f.name, f.kw_only) for f in fields(Derived)])


@dataclass
class Override(Base):
    x: int = 10


print(Override(), Override.__doc__)


@dataclass
class Slotted:
    __slots__ = ("a", "b")
    a: int
    b: int


print(Slotted(1, 2), fields(Slotted)[0].default is dataclasses.MISSING)


@dataclass
class WithPostInitOnly:
    a: int

    def __post_init__(self):
        print("post_init with", self.a)


WithPostInitOnly(3)
