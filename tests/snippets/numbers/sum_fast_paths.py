# sum() keeps word-sized int and float totals unboxed (CPython's fast paths); each
# way out of them (overflow, a bool, an int subclass, a float, a non-number) must
# give the same result and type as plain additions.
import sys

M = sys.maxsize


class MyInt(int):
    def __add__(self, other):
        return ("MyInt.__add__", int(self), other)

    def __radd__(self, other):
        return ("MyInt.__radd__", other, int(self))


class MyFloat(float):
    def __radd__(self, other):
        return ("MyFloat.__radd__", other)


cases = [
    ([], None),
    ([1, 2, 3], None),
    ([True, True, False, 5], None),
    ([M, 1], None),
    ([M, 1, -1, -M], None),
    ([-M, -1, -1], None),
    ([2 ** 70, 1], None),
    ([1, 2 ** 70, -(2 ** 70)], None),
    ([1, 2.5, 3], None),
    ([1.5, 2, True, 2 ** 40], None),
    ([1.0, 2 ** 70], None),
    ([0.1] * 10, None),
    ([1, 2], 0.5),
    ([1, 2], 2 ** 64),
    ([1, 2], True),
    ([1, MyInt(5), 3], None),
    ([MyInt(5), 3], 0),
    ([1.5, MyFloat(2.0)], None),
    ([1.5, MyInt(2)], None),
    ([1, 2], MyInt(7)),
    ([1, 1j, 2], None),
    ([[1], [2]], []),
    ([(1,), (2,)], ()),
    ([float("inf"), 1, -float("inf")], None),
    ([float("nan"), 1], None),
    ([-0.0, -0.0], -0.0),
    ([-0.0], None),
]
for items, start in cases:
    try:
        r = sum(items) if start is None else sum(items, start)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


def gen(n):
    for i in range(n):
        yield i


print(sum(gen(1000)), sum(x * 0.5 for x in range(1000)))
print(sum(iter([M, M, M])), sum([1e308, 1e308]))
for bad in ([1, "a"], [1.0, "a"], ["a", "b"]):
    try:
        sum(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    sum([1.0, 2 ** 2000])
except OverflowError as e:
    print("OverflowError", e)


def failing():
    yield 1
    yield 2.0
    raise ValueError("boom")


try:
    sum(failing())
except ValueError as e:
    print("ValueError", e)
