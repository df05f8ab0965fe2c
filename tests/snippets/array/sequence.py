# The sequence protocol: indexing, slicing, slice assignment and deletion (extended
# slices too), concatenation, repetition, in-place forms, membership, comparison.
import array


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


a = array.array("i", range(10))
print(a[0], a[-1], a[3], len(a))
t("index out", lambda: a[10])
t("index neg out", lambda: a[-11])
t("index str", lambda: a["x"])
t("index float", lambda: a[1.0])
t("index huge", lambda: a[2**100])
for s in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -1),
          slice(8, 2, -2), slice(5, 2), slice(-3, None), slice(100, 200),
          slice(None, None, -3), slice(1, 9, 4)]:
    print(s, a[s])
print(type(a[1:3]).__name__)


class Sub(array.array):
    pass


print(type(Sub("i", [1, 2])[0:1]), type(Sub("i", [1]) + Sub("i", [2])), type(Sub("i", [1]) * 2))


def assign(idx, val, code="i"):
    b = array.array(code, range(10))
    try:
        b[idx] = val
        print("set", idx, "->", b)
    except Exception as e:
        print("set", idx, "!!", type(e).__name__, e)


def delete(idx):
    b = array.array("i", range(10))
    try:
        del b[idx]
        print("del", idx, "->", b)
    except Exception as e:
        print("del", idx, "!!", type(e).__name__, e)


assign(0, 99)
assign(-1, 99)
assign(10, 99)
assign(-11, 99)
assign("x", 1)
assign(0, "x")
assign(slice(2, 4), array.array("i", [7, 7, 7]))
assign(slice(2, 4), array.array("i"))
assign(slice(8, 2), array.array("i", [99]))
assign(slice(None, None, 2), array.array("i", [0] * 5))
assign(slice(None, None, -2), array.array("i", [1, 2, 3, 4, 5]))
assign(slice(None, None, 2), array.array("i", [1]))
assign(slice(None, None, 2), array.array("i"))
assign(slice(None, None, -3), array.array("i"))
assign(slice(1, 3), [1, 2])
assign(slice(1, 3), array.array("h", [1, 2]))
assign(slice(1, 3), 5)
delete(0)
delete(-1)
delete(10)
delete(slice(2, 5))
delete(slice(None, None, 2))
delete(slice(None, None, -3))
delete(slice(1, 8, 2))
delete(slice(8, 1, -3))
delete(slice(100, 200))
delete("x")

b = array.array("b", [1, 2, 3])
b[1:2] = b
print("self assign", b)
b[::-1] = b
print("self reverse", b)

x, y = array.array("h", [1, 2]), array.array("h", [3])
print(x + y, y + x, x * 3, 3 * x, x * 0, x * -1)
t("concat list", lambda: x + [1])
t("concat other code", lambda: x + array.array("i", [1]))
t("mul str", lambda: x * "a")
t("mul float", lambda: x * 1.5)
t("huge repeat", lambda: x * (2**62))
c = array.array("h", [1, 2])
c += array.array("h", [3])
print("iadd", c)
c += c
print("iadd self", c)
t("iadd list", lambda: c.__iadd__([1]))
t("iadd other code", lambda: c.__iadd__(array.array("b")))
c *= 2
print("imul", c)
c *= 1
print("imul 1", c)
c *= 0
print("imul 0", c)
c = array.array("h", [1])
c *= -3
print("imul neg", c)

d = array.array("d", [1.0, 2.5])
print(2.5 in d, 2 in d, "a" in d, 3 in d)
print(1 in array.array("i", [1]), 1.0 in array.array("i", [1]))

p = array.array("i", [1, 2, 3])
for other in [array.array("i", [1, 2, 3]), array.array("i", [1, 2]), array.array("i", [1, 2, 4]),
              array.array("d", [1.0, 2.0, 3.0]), array.array("b", [1, 2, 3, 0]),
              array.array("i"), array.array("Q", [1, 2, 3])]:
    print(repr(other), p == other, p != other, p < other, p <= other, p > other, p >= other)
t("lt list", lambda: p < [1])
print(p == [1, 2, 3], p != (1, 2, 3))
n = array.array("d", [1.0, float("nan")])
print(n == n, n != n, n < n, array.array("d", [float("nan")]) < array.array("d", [1.0]))
u1, u2 = array.array("u", "abc"), array.array("u", "abd")
print(u1 < u2, u1 == u2, u1 >= u2, u1 == array.array("u", "abc"))
print(array.array("B", [255]) > array.array("B", [1]), array.array("b", [-1]) < array.array("b", [1]))
print(array.array("Q", [2**64 - 1]) > array.array("Q", [1]), array.array("q", [-1]) < array.array("q", [1]))
print(array.array("I", [2**32 - 1]) > array.array("I", [1]), array.array("L", [2**64 - 1]) > array.array("L", [0]))
t("hash", lambda: hash(array.array("i")))
print(list(reversed(array.array("i", [1, 2, 3]))))
print(sorted(array.array("d", [3, 1, 2])), sum(array.array("i", range(5))), max(array.array("b", [3, 9, -1])))
