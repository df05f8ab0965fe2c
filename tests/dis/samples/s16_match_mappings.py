"""Pattern matching on mappings and classes."""


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def command(cmd):
    match cmd:
        case {"action": "move", "dx": dx, "dy": dy}:
            return dx, dy
        case {"action": "say", **rest}:
            return rest
        case {"action": str() as name}:
            return name
        case {}:
            return "empty"


def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return y
        case Point(x, 0) | Point(0, x):
            return x
        case Point(x=x, y=y) if x == y:
            return "diagonal"
        case str() | bytes():
            return "text"
        case [Point(x=0), *_]:
            return "list"


def warmup():
    command({"action": "move", "dx": 1, "dy": 2})
    where(Point(0, 0))
    where(Point(0, 5))
