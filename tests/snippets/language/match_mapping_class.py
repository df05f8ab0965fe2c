"""match statement: mapping patterns with **rest, class patterns with positional/keyword, __match_args__."""
def mp(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle rest={rest}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": 0}, {"a": 1}, {}, [1]]:
    print(mp(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    pass
def cp(v):
    match v:
        case Point(0, 0):
            return "origin"
        case Point3(x=x, y=0):
            return f"3d on axis {x}"
        case Point(x, y=5):
            return f"y five, x={x}"
        case Point(x, y):
            return f"point {x} {y}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return "number"
        case str(s):
            return f"string {s}"
        case [Point(x=0), *_]:
            return "list starting on y axis"
        case _:
            return "other"
for v in [Point(0, 0), Point3(4, 0), Point(1, 5), Point(2, 3), 500, 5, 2.5, "hi", [Point(0, 9)], None]:
    print(cp(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case 5 if False:
            pass
        case print(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
class Dup:
    __match_args__ = ("a", "a")
    a = 1
try:
    match Dup():
        case Dup(x, y):
            pass
except TypeError as e:
    print(type(e).__name__, e)
