"""Pattern matching on sequences, with star patterns and nesting."""


def describe(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *rest] if len(rest) > 5:
            return "long"
        case [first, *middle, last]:
            return first, middle, last
        case (1, (2, 3), [4, *_]):
            return "nested"


def points(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"y={y}"
        case (x, 0):
            return f"x={x}"
        case (x, y) as pair:
            return pair


def warmup():
    describe([])
    describe([1, 2, 3])
    points((0, 1))
