# Pickling members (all protocols), composite flags, functional enums, and the
# by-name reducers.
import enum
import pickle
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum


class Color(Enum):
    RED = 1
    GREEN = 2


class Number(IntEnum):
    ONE = 1


class Text(StrEnum):
    A = 'a'


class Perm(Flag):
    R = 4
    W = 2
    X = 1


class Bits(IntFlag):
    A = 1
    B = 2


Func = Enum('Func', 'a b', module=__name__)
NoMod = Enum('NoMod', 'a b', module=None)


class ByName(Enum):
    P = 1
    Q = 2
    __reduce_ex__ = enum.pickle_by_enum_name


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for obj in (Color.RED, Number.ONE, Text.A, Perm.R, Perm.R | Perm.W, Perm(0),
                Bits.A | Bits.B, Bits(9), Func.b, ByName.Q, [Color.GREEN, Color]):
        back = pickle.loads(pickle.dumps(obj, proto))
        print(proto, repr(back), back == obj, back is obj)
print(ByName.P.__reduce_ex__(2) == (getattr, (ByName, 'P')))
print(enum.pickle_by_global_name(Color.RED, 2))
print(NoMod.__module__)
try:
    pickle.dumps(NoMod.a)
except Exception as e:
    print(type(e).__name__, e)
