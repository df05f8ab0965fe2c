# Error cases and their messages.
import warnings
from enum import Enum, IntEnum, Flag, StrEnum, auto, unique, verify
from enum import UNIQUE, CONTINUOUS, NAMED_FLAGS


def attempt(label, func):
    try:
        result = func()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, 'ok', repr(result))


class Color(Enum):
    RED = 1
    GREEN = 2


attempt('bad value', lambda: Color(3))
attempt('bad name', lambda: Color['PURPLE'])
attempt('bad attr', lambda: Color.PURPLE)
attempt('reassign', lambda: setattr(Color, 'RED', 5))
attempt('delete', lambda: delattr(Color, 'RED'))
attempt('set name', lambda: setattr(Color.RED, 'name', 'x'))
attempt('set value', lambda: setattr(Color.RED, 'value', 'x'))
attempt('del value', lambda: delattr(Color.RED, 'value'))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    attempt('contains int', lambda: 1 in Color)
    print([str(w.category.__name__) for w in caught], caught and str(caught[0].message))
attempt('contains member', lambda: Color.RED in Color)


def define(body):
    def run():
        ns = {}
        exec(body, {'Enum': Enum, 'IntEnum': IntEnum, 'Flag': Flag, 'auto': auto,
                    'StrEnum': StrEnum}, ns)
        return list(ns.values())[-1]
    return run


attempt('extend', define('class X(Enum):\n A = 1\nclass Y(X):\n B = 2'))
attempt('dup name', define('class X(Enum):\n A = 1\n A = 2'))
attempt('name over method', define('class X(Enum):\n A = 1\n def A(self): pass'))
attempt('descriptor then member', define('class X(Enum):\n A = staticmethod(len)\n A = 1'))
attempt('sunder', define('class X(Enum):\n _bad_ = 1'))
attempt('mro', define('class X(Enum):\n mro = 1'))
attempt('order', define("class X(Enum):\n _order_ = 'B A'\n A = 1\n B = 2"))
attempt('gnv late', define('class X(Enum):\n A = auto()\n def _generate_next_value_(*a): return 1'))
attempt('ignore', define("class X(Enum):\n A = 1\n _ignore_ = 'A'"))
attempt('bad mixin', define('class X(Enum, int):\n A = 1'))
attempt('int value', define("class X(IntEnum):\n A = 'a'"))
attempt('str value', define('class X(StrEnum):\n A = 1'))
attempt('str enc', define("class X(StrEnum):\n A = 'a', 1"))
attempt('str many', define("class X(StrEnum):\n A = 'a', 'b', 'c', 'd'"))
attempt('flag value', define("class X(Flag):\n A = 'a'\n B = auto()"))


class WithMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 42


class RaisingMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        raise KeyError(value)


attempt('missing returns junk', lambda: WithMissing(5))
attempt('missing raises', lambda: RaisingMissing(5))
try:
    RaisingMissing(5)
except KeyError as e:
    print(type(e.__context__).__name__, e.__context__)


class Dup(Enum):
    A = 1
    B = 1
    C = 2
    D = 2


attempt('unique', lambda: unique(Dup))
attempt('verify unique', lambda: verify(UNIQUE)(Dup))


class Gap(Enum):
    A = 1
    B = 4


class FlagGap(Flag):
    A = 1
    D = 8


class Named(Flag):
    A = 1
    B = 2
    ABC = 7
    AD = 9


attempt('continuous', lambda: verify(CONTINUOUS)(Gap))
attempt('continuous flag', lambda: verify(CONTINUOUS)(FlagGap))
attempt('named flags', lambda: verify(NAMED_FLAGS)(Named))
attempt('verify other', lambda: verify(UNIQUE)(int))
attempt('verify ok', lambda: verify(UNIQUE, CONTINUOUS)(Color))
attempt('no members', lambda: Enum(1))
attempt('call with names', lambda: Color('X', 'a b'))
