"""Tuple/list/star unpacking: nested, starred in any position, iterables, and count errors."""
a, b = 1, 2
a, b = b, a
print(a, b)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, c]] = [1, (2, 3)]
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
(a, *b), *c = [1, 2, 3], 4, 5
print(a, b, c)
x, y = {"k1": 1, "k2": 2}
print(x, y)
x, y = "ab"
print(x, y)
for k, (v1, v2) in [(1, (2, 3)), (4, (5, 6))]:
    print(k, v1, v2)
cases = [
    "a, b = 1, 2, 3",
    "a, b = [1]",
    "a, b, c = 'xy'",
    "a, *b, c = [1]",
    "a, b = 5",
    "a, b = None",
    "(a, b), c = (1, 2, 3), 4",
    "a, b = iter([1, 2, 3])",
    "a, = []",
    "*a, b, c, d = range(2)",
]
for src in cases:
    try:
        exec(src)
        print("ok", src)
    except (ValueError, TypeError) as e:
        print(src, "->", type(e).__name__, e)
def gen():
    yield 1
    yield 2
    print("gen continued")
    yield 3
try:
    p, q = gen()
except ValueError as e:
    print(type(e).__name__, e)
*everything, = (1, 2)
print(everything)
print([*range(3), *"ab", *[None]], (*"xy",), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
