"""match statement: guards with side effects, nested/or/as patterns, bindings left after failed cases, __match_args__ errors, structseq and range subjects."""
from_outer = 5
def m(v):
    match v:
        case [1, *rest] if (print("guard", rest) or True) and len(rest) > 1:
            return "g1", rest
        case {"a": 1, **rest}:
            return "map", rest
        case (1 | 2 | 3) as n:
            return "num", n
        case str() as s if s.startswith("x"):
            return "xstr", s
        case [int(a), str(b)] | [str(b), int(a)]:
            return "pair", a, b
        case {"k": [x, y, *_]}:
            return "nested", x, y
        case float(f) if f != f:
            return "nan"
        case -1.5 | 1 + 2j | -3 - 4j:
            return "complex literal", v
        case True | False as b:
            return "bool", b
        case _:
            return "default"
for v in [[1, 2, 3], [1, 2], {"a": 1, "b": 2}, 2, "xyz", "abc", [3, "s"], ["s", 4], {"k": [1, 2, 3]},
          float("nan"), -1.5, 1 + 2j, -3 - 4j, True, 1.0, {"a": 2}, (1,), {"k": (5, 6)}]:
    print(repr(v), m(v))
def binding():
    x = "unset"
    match [1, 2]:
        case [x, 3]:
            pass
        case _:
            pass
    return x
print(binding())
class P:
    __match_args__ = ("a",)
    def __init__(self, a): self.a = a
match P(5):
    case P(a=6):
        pass
    case P(5):
        print("positional via match_args")
match {"x": 1}:
    case {"x": 1, "y": 2}:
        print("no")
    case {"x": _}:
        print("wildcard value")
match [1, [2, [3]]]:
    case [_, [_, [z]]]:
        print("deep", z)
match 0:
    case 0 if from_outer > 3:
        print("outer guard")
class Bad:
    __match_args__ = "a"
try:
    match Bad():
        case Bad(1):
            pass
except TypeError as e:
    print(e)
class Bad2:
    __match_args__ = ("zz",)
try:
    match Bad2():
        case Bad2(1):
            pass
except AttributeError as e:
    print("AttributeError", e)
else:
    print("no match no error")
match range(3):
    case [0, 1, 2]:
        print("range matched as sequence")
match b"ab":
    case [97, 98]:
        print("bytes seq")
    case _:
        print("bytes not a sequence")
import sys
match sys.version_info:
    case (3, minor, *_):
        print("tuple-like structseq", minor)
match {"a": 1}:
    case {"a": 1, **r}:
        print(r)
match 5:
    case int(x) if x > 3:
        print("int capture", x)
