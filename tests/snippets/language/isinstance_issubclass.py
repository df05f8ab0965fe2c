"""isinstance/issubclass: tuples, nested tuples, builtins, __instancecheck__/__subclasscheck__, type()."""
print(isinstance(1, int), isinstance(1.0, int), isinstance(True, (str, (float, int))), isinstance("s", ()))
print(isinstance(None, type(None)), isinstance([], (list, tuple)), isinstance(int, type), isinstance(3, object))
print(issubclass(int, (str, object)), issubclass(list, list), issubclass(type, object), issubclass(object, type))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance(Magic(), Magic), issubclass(int, Magic), issubclass(str, Magic))
print(type(1), type("a"), type([]), type(type), type(None), type(print), type(len).__name__)
print(type(1) is int, type(True) is bool, type(1) == type(2), type(Magic).__name__)
T = type("T", (object,), {"x": 1, "m": lambda self: self.x + 1})
print(T.__name__, T().m(), T.__bases__)
for args in [(1,), (1, 2, 3, 4)]:
    try:
        type(*args) if len(args) > 1 else print(type(*args))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    isinstance(1, (int, 2))
    print("short circuit ok")
    isinstance(1, (str, 2))
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1, int | str), issubclass(bool, int | None))
