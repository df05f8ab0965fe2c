"""except* and ExceptionGroup: splitting by type, multiple handlers, nesting, re-raise, naked exceptions."""
def show(eg, indent=0):
    print(" " * indent + f"{type(eg).__name__}: {eg}")
    for sub in getattr(eg, "exceptions", ()):
        show(sub, indent + 2)
try:
    raise ExceptionGroup("group", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    print("values:")
    show(e)
except* TypeError as e:
    print("types:")
    show(e)
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [IndexError(0), KeyError("j")])])
    except* KeyError as e:
        print("keys:")
        show(e)
except ExceptionGroup as rest:
    print("remaining:")
    show(rest)
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked wrapped:")
        show(e)
        raise
except Exception as e:
    print("naked re-raised as", type(e).__name__, e)
try:
    raise ExceptionGroup("eg", [OSError("o")])
except* (OSError, KeyError) as e:
    print("tuple match", repr(e.exceptions))
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("x", [BaseException()])
except TypeError as e:
    print(type(e).__name__, e)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
