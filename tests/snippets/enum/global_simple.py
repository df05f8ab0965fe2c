# global_enum, the global repr/str helpers, _simple_enum / _test_simple_enum,
# _convert_, EnumCheck and FlagBoundary, enum.property.
import enum
import sys
from enum import Enum, IntEnum, IntFlag, Flag, StrEnum, auto


@enum.global_enum
class Spam(Enum):
    EGGS = 1
    HAM = 2


print(repr(Spam.EGGS), str(Spam.EGGS), EGGS is Spam.EGGS, format(Spam.HAM))


@enum.global_enum
class Opts(IntFlag):
    O_A = 1
    O_B = 2


print(repr(Opts.O_A), repr(Opts.O_A | Opts.O_B), repr(Opts(8)), repr(Opts(9)), str(Opts.O_A))


@enum.global_enum
class FOpts(Flag):
    F_A = 1
    F_B = 2


print(repr(FOpts(0)), str(FOpts.F_A))
try:
    repr(FOpts.F_A)  # CPython 3.11: _is_single_bit needs an int
except TypeError as e:
    print('TypeError', e)


@enum._simple_enum(IntEnum)
class Status:
    OK = 200
    NOT_FOUND = 404
    ALSO_OK = 200


class CheckedStatus(IntEnum):
    OK = 200
    NOT_FOUND = 404
    ALSO_OK = 200


print(repr(Status.OK), list(Status), Status.ALSO_OK is Status.OK, Status(404), Status.__doc__)
print(enum._test_simple_enum(CheckedStatus, Status))


@enum._simple_enum(Enum)
class Wrong:
    OK = 201
    NOT_FOUND = 404
    ALSO_OK = 200


try:
    enum._test_simple_enum(CheckedStatus, Wrong)
except TypeError as e:
    print('TypeError', str(e).splitlines()[0])


@enum._simple_enum(IntFlag, boundary=enum.KEEP)
class SFlag:
    A = 1
    B = 2
    AB = 3
    C = 8


print(list(SFlag), repr(SFlag.AB), repr(SFlag(16)), SFlag._flag_mask_, SFlag._all_bits_)


@enum._simple_enum(StrEnum)
class SText:
    X = auto()
    Y = 'why'


print(list(SText), SText.X.value)

CONST_A = 1
CONST_B = 2
CONST_C = 1
Conv = IntEnum._convert_('Conv', __name__, lambda n: n.startswith('CONST_'))
print(repr(Conv), list(Conv), repr(CONST_A), Conv.CONST_C is Conv.CONST_A)
Old = enum._old_convert_(IntEnum, 'Old', __name__, lambda n: n.startswith('CONST_'))
print(list(Old), Old.__module__)
print(list(enum.EnumCheck), repr(enum.UNIQUE), str(enum.CONTINUOUS))
print(list(enum.FlagBoundary), repr(enum.STRICT))


class Shape(Enum):
    SQUARE = 1

    @enum.property
    def sides(self):
        return 4


print(Shape.SQUARE.sides, type(Shape.__dict__['sides']).__name__)
try:
    Shape.sides
except AttributeError as e:
    print('AttributeError', e)
print(sorted(enum.__all__))
print(Spam.__dict__['__repr__'] is enum.global_enum_repr, enum.global_str(Spam.HAM))
