"""match statement: literal, capture, wildcard, value (dotted) patterns and or-patterns."""
class Color:
    RED = "red"
    GREEN = "green"
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case 1.5:
            return "one and a half"
        case Color.RED:
            return "the red"
        case b"bytes":
            return "bytes"
        case _:
            return f"other {v!r}"
for v in [0, 1, 3, -1, "hello", True, None, 1.5, "red", b"bytes", 99, 1.0, False, 0.0]:
    print(repr(v), describe(v))
match 42:
    case x:
        print("captured", x)
match "abc":
    case "x" | "abc" as which:
        print("or with as", which)
n = 5
match n:
    case 1:
        pass
print("no case matched is fine")
match 10:
    case y if y > 5:
        print("guard", y)
