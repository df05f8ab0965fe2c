# frozen=True's __setattr__/__delattr__, and the __hash__ dataclass() chooses from
# unsafe_hash, eq, frozen and a __hash__ the class sets itself.
import pickle
import copy
from dataclasses import dataclass, field, FrozenInstanceError, replace


@dataclass(frozen=True)
class P:
    x: int
    y: int = field(default=0, hash=False)
    z: int = field(default=0, compare=False)


p = P(1, 2, 3)
for action in ("p.x = 5", "p.new = 1", "del p.x", "del p.new"):
    try:
        exec(action)
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(hash(p) == hash((1,)), hash(P(1, 9)) == hash(P(1, 8)), P(1, 2) == P(1, 2, 9))
print({P(1): "a"}[P(1)], P.__setattr__.__qualname__, P.__delattr__.__qualname__)
print(P.__hash__.__qualname__, P.__dataclass_params__)
print(replace(p, x=10), p)
print(pickle.loads(pickle.dumps(p)) == p, copy.deepcopy(p) == p, copy.copy(p))


class Sub(P):
    pass


s = Sub(1)
s.extra = 5
print(s.extra, s)
try:
    s.x = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)


def describe(cls):
    h = cls.__dict__.get("__hash__", "inherited")
    if callable(h):
        h = h.__qualname__
    return f"{cls.__name__}: {h}"


for unsafe_hash in (False, True):
    for eq in (False, True):
        for frozen in (False, True):
            @dataclass(unsafe_hash=unsafe_hash, eq=eq, frozen=frozen)
            class C:
                a: int = 1
            print(unsafe_hash, eq, frozen, describe(C))

            @dataclass(eq=eq, frozen=frozen)
            class Explicit:
                a: int = 1

                def __hash__(self):
                    return 7
            print("  explicit", describe(Explicit), hash(Explicit()))

            @dataclass(unsafe_hash=unsafe_hash, eq=eq, frozen=frozen)
            class EqOnly:
                a: int = 1

                def __eq__(self, other):
                    return False
            print("  eq-only", describe(EqOnly))


@dataclass(unsafe_hash=True)
class Mutable:
    a: int
    b: list = field(default_factory=list, hash=False)
    c: int = field(default=0, compare=False, hash=True)


print(hash(Mutable(1, [1], 2)) == hash((1, 2)))


@dataclass
class Unhashable:
    a: int


try:
    hash(Unhashable(1))
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class Frozen2:
    a: int

    def __post_init__(self):
        object.__setattr__(self, "b", self.a * 2)


print(Frozen2(4).b)


@dataclass(frozen=True, slots=True)
class FrozenSlots:
    a: int
    b: str = "x"


fs = FrozenSlots(1)
print(fs, fs.__getstate__(), pickle.loads(pickle.dumps(fs)), FrozenSlots.__slots__)
try:
    fs.a = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
