"""Comparisons, chained comparisons, identity and membership tests."""


def compare(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


def chained(a, b, c):
    return a < b < c


def long_chain(a, b, c, d):
    return a <= b < c != d


def identity(a, b):
    return a is b, a is not b, a in b, a not in b


def branch_on_compare(x):
    if x < 10:
        return "small"
    elif x == 10:
        return "ten"
    return "big"


def warmup():
    compare(1, 2)
    compare(1.0, 2.0)
    compare("a", "b")
    chained(1, 2, 3)
    branch_on_compare(5)
    branch_on_compare(50)
