# The AttributeError suggestion is chosen from sorted(dir(obj)), as CPython's.
import sys


class EliminationOverAddition:
    blucha = None
    bluc = None


class SubstitutionOverElimination:
    blach = None
    bluc = None


class Custom:
    def __dir__(self):
        return ["zzbluch_", "bluchx", "abluch"]


for cls in [EliminationOverAddition, SubstitutionOverElimination, Custom]:
    try:
        cls().bluch
    except AttributeError:
        sys.stderr = sys.stdout
        sys.__excepthook__(*sys.exc_info())
        sys.stderr = sys.__stderr__


class D:
    def __dir__(self):
        return ("b", "a", "c")


print(dir(D()))


# A bare `raise` in a generator resumed inside an except block re-raises the
# caller's exception.
def g():
    yield 1
    raise
    yield 2


i = g()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print(next(i))
        next(i)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    next(g())
    raise
except RuntimeError as e:
    print("RuntimeError", e)
