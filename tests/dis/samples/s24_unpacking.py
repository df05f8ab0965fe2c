"""Sequence unpacking: tuples, star targets, nesting, swaps."""


def swap(a, b):
    a, b = b, a
    return a, b


def rotate(a, b, c):
    a, b, c = c, a, b
    return a, b, c


def star(seq):
    first, *rest = seq
    *init, last = seq
    a, *mid, z = seq
    return first, rest, init, last, a, mid, z


def nested(pair):
    (a, b), c = pair
    [x, [y, z]] = [a, [b, c]]
    return x, y, z


def for_unpack(items):
    total = 0
    for k, (a, b) in items:
        total += a * b
    return total


def from_list(xs):
    a, b = xs
    return a - b


def warmup():
    swap(1, 2)
    star([1, 2, 3, 4])
    for_unpack([(1, (2, 3))])
    from_list([5, 3])
    from_list((5, 3))
