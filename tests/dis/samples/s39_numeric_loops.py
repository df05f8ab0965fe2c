"""Numeric loops that specialise: int and float arithmetic and comparisons."""


def sum_ints(n):
    total = 0
    i = 0
    while i < n:
        total = total + i * 2 - 1
        i += 1
    return total


def sum_floats(xs):
    total = 0.0
    for x in xs:
        total = total + x * 1.5 - 0.25
        if total > 1e9:
            total = 0.0
    return total


def concat(words):
    out = ""
    for w in words:
        out += w
        out = out + "-"
    return out


def compare_strings(a, b):
    n = 0
    for _ in range(10):
        if a == b:
            n += 1
    return n


def warmup():
    sum_ints(50)
    sum_floats([1.0, 2.0, 3.0])
    concat(["a", "b"])
    compare_strings("x", "x")
