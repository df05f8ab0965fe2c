# IntEnum, StrEnum, ReprEnum and mixed-in data types: reprs, str, format, arithmetic.
from enum import Enum, IntEnum, StrEnum, ReprEnum, auto


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(repr(Number.ONE), str(Number.ONE), format(Number.TWO), f'{Number.THREE:05d}')
print(Number.ONE + 1, Number.TWO * 3, Number.ONE == 1, Number(2), int(Number.THREE))
print(sorted([Number.THREE, Number.ONE]), isinstance(Number.ONE, int), Number.ONE < 2)
print(list(Number), hex(Number.THREE), '%d %s %r' % (Number.ONE, Number.ONE, Number.ONE))
print(Number.ONE.real, Number.TWO.bit_length())


class Text(StrEnum):
    A = 'alpha'
    B = auto()
    C = 'gamma'


print(repr(Text.A), str(Text.A), format(Text.A), f'{Text.B}', Text.B.value)
print(Text.A.upper(), Text.A + '!', Text('gamma'), Text.C == 'gamma', len(Text.A))
print(list(Text))


class Fl(float, Enum):
    PI = 3.14
    E = 2.72


print(repr(Fl.PI), str(Fl.PI), format(Fl.PI), Fl.PI * 2, Fl(2.72))


class Tup(tuple, Enum):
    P = (1, 2)
    Q = (3, 4)


print(repr(Tup.P), Tup.P[0], Tup((3, 4)))


class MyRepr(int, ReprEnum):
    X = 7


print(repr(MyRepr.X), str(MyRepr.X), format(MyRepr.X, 'x'))


class Hexed(int, Enum):
    A = 10

    def __str__(self):
        return 'custom'


print(repr(Hexed.A), str(Hexed.A), format(Hexed.A))


class Coord(bytes, Enum):
    R = (0, )
    G = (1, )

    def __new__(cls, value):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        return obj


print(str(Coord.R), Coord(1), Coord.G.value, bytes(Coord.G))
try:
    repr(Coord.R)  # the bytes repr does not take the int _value_
except TypeError as e:
    print('TypeError', e)


class AutoNew(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj
    ONE = 1, 'one'
    TWO = 2, 'two'


print(AutoNew.TWO, AutoNew.TWO.label, AutoNew(1), AutoNew.ONE.value)


class Lower(StrEnum):
    FOO = auto()
    BarBaz = auto()


print(list(Lower), [m.value for m in Lower])
