"""List, set and dict comprehensions, nested and filtered."""


def squares(n):
    return [i * i for i in range(n)]


def evens_set(items):
    return {x for x in items if x % 2 == 0}


def inverted(d):
    return {v: k for k, v in d.items()}


def flatten(matrix):
    return [x for row in matrix for x in row if x]


def nested(n):
    return [[i * j for j in range(i)] for i in range(n)]


def uses_outer(xs, scale):
    return [x * scale for x in xs]


def warmup():
    squares(10)
    evens_set(range(10))
    inverted({1: 2})
    flatten([[1, 0], [2]])
    nested(4)
