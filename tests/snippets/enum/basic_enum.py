# Enum basics: members, lookup, iteration, aliases, reprs, str/format, hashing, dir.
import enum
from enum import Enum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias of RED

    def describe(self):
        return '%s is %d' % (self.name, self.value)


print(repr(Color), str(Color), list(Color), len(Color))
print(repr(Color.RED), str(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, Color(Color.GREEN))
print(list(Color.__members__.items()))
print(type(Color.__members__).__name__)
print(list(reversed(Color)))
print(Color.RED in Color, Color.RED == 1, Color.RED != Color.GREEN)
print(format(Color.RED), '{:>10}|'.format(Color.GREEN), f'{Color.BLUE!r}')
print(hash(Color.RED) == hash('RED'), isinstance(Color.RED, Color), type(Color.RED))
print(Color.RED.describe(), Color.__name__, Color.__qualname__)
print(dir(Color))
print(dir(Color.RED))
print(bool(Color), bool(Color.RED))
print(sorted(Color, key=lambda c: c.value))
print({Color.RED: 'r'}[Color.CRIMSON])
print(Color._member_names_, Color._value2member_map_)
print(Color.RED.__objclass__, Color.__class__, enum.EnumMeta is enum.EnumType)


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
    E = 'x', auto()


print(list(Auto), repr(auto()), repr(auto(5)))


class Name(Enum):
    name = 1
    value = 2


print(Name.name, Name.value, Name.name.name, Name.value.value)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, round(Planet.EARTH.gravity, 3))
print(Planet((3.303e+23, 2.4397e6)))


class Ordered(Enum):
    _order_ = 'X Y'
    X = 1
    Y = 2


class WithIgnore(Enum):
    _ignore_ = 'tmp'
    tmp = 5
    A = 1


print(list(Ordered), list(WithIgnore), hasattr(WithIgnore, 'tmp'))


class Members(Enum):
    A = enum.member(lambda: 1)
    B = enum.nonmember(7)
    C = 3


print(list(Members.__members__), Members.B)


class Missing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        if value == 'a':
            return cls.A
        return None


print(Missing('a'))


class Base(Enum):
    def hello(self):
        return 'hello ' + self.name


class Derived(Base):
    ONE = 1


print(Derived.ONE.hello(), Derived.__mro__[1:])


class Unhashable(Enum):
    L = [1, 2]
    M = [3]


print(Unhashable([1, 2]), Unhashable._unhashable_values_, Unhashable.L.value)


class Seen(Enum):
    def __init_subclass__(cls, **kwds):
        super().__init_subclass__(**kwds)
        print('init_subclass', cls.__name__, list(cls.__members__))


class SeenChild(Seen):
    P = 1
    Q = 2
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.RED) is Color.RED)
