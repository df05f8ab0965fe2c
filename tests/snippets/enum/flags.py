# Flag and IntFlag: composition, iteration, negation, boundaries, reprs.
import enum
from enum import Flag, IntFlag, auto, STRICT, CONFORM, EJECT, KEEP


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


print(repr(Perm), repr(Perm.R), str(Perm.R), repr(Perm.R | Perm.W), str(Perm.R | Perm.W))
print(list(Perm), len(Perm), list(Perm.RWX), len(Perm.RWX))
print(repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.X))
print(repr(~Perm.R), repr(~Perm.RWX), repr(Perm.R & Perm.W), repr(Perm.RWX ^ Perm.W))
print(Perm.R in Perm.RWX, Perm.R in (Perm.W | Perm.X), Perm(6), Perm(7) is Perm.RWX)
print(format(Perm.R | Perm.X), Perm.R.value, (Perm.R | Perm.W).name)
print(Perm.__members__.keys(), Perm._flag_mask_, Perm._singles_mask_, Perm._all_bits_)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Color), [c.value for c in Color], repr(Color.WHITE), repr(~Color.RED))
print(repr(Color.RED | Color.GREEN), repr(Color(3)), list(Color(5)))


class Num(IntFlag):
    A = 1
    B = 2
    C = 4


print(repr(Num.A | Num.B), str(Num.A | Num.B), format(Num.A | Num.B), Num.A | 8)
print(repr(Num.A | 8), repr(~Num.A), repr(Num(0)), Num.A + 1, Num.A == 1)
print(repr(Num(99)), repr(Num(-1)), repr(Num.A ^ 3), repr(1 | Num.C), 3 & Num.B)
print(isinstance(Num.A | Num.B, Num), isinstance(Num.A | Num.B, int), list(Num.A | Num.C))


class Strict(Flag, boundary=STRICT):
    A = 1
    B = 2


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


try:
    Strict(7)
except ValueError as e:
    print('ValueError', e)
print(repr(Conform(7)), repr(Eject(7)), type(Eject(7)).__name__, repr(Keep(7)), str(Keep(7)))
print(repr(Strict(3)), repr(~Keep.A), repr(~Conform.A))
print(Strict._boundary_, Num._boundary_, Flag._boundary_, repr(enum.FlagBoundary.KEEP))


class Skip(Flag):
    A = 1
    C = 4


try:
    Skip(2)
except ValueError as e:
    print('ValueError', e)


class Unordered(Flag):
    HIGH = 4
    LOW = 1


print(list(Unordered), list(Unordered(5)), Unordered._iter_member_.__name__)


class Hexy(IntFlag):
    _numeric_repr_ = hex
    A = 1
    B = 2


print(repr(Hexy(7)), str(Hexy(0x13)))
print(enum.show_flag_values(13), enum.bin(10), enum.bin(-11), enum.bin(3, 8))
try:
    Perm('x')
except ValueError as e:
    print('ValueError', e)
try:
    Perm.R | 1
except TypeError as e:
    print('TypeError', e)
try:
    1 in Perm.R
except TypeError as e:
    print('TypeError', e)
