# The buffer protocol: memoryview and bytes of an array, and resizing refused with
# BufferError while a view is exported.
import array


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for code in "bBhHiIlLqQfd":
    a = array.array(code, [1, 2, 3])
    m = memoryview(a)
    print(code, m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.readonly, m.tolist(), m.c_contiguous)
    m.release()
    print(bytes(a) == a.tobytes(), len(bytes(a)))
t("u format", lambda: memoryview(array.array("u", "ab")).format)
t("u tolist", lambda: memoryview(array.array("u", "ab")).tolist())
t("u bytes", lambda: bytes(array.array("u", "ab")))
t("empty", lambda: (bytes(array.array("d")), memoryview(array.array("d")).tolist()))

a = array.array("i", [1, 2, 3])
m = memoryview(a)
m[0] = 100
print("write through view", a)
a[1] = 200
print("view sees write", m.tolist())
t("cast", lambda: m.cast("B").tolist()[:4])
ops = [
    ("append", lambda: a.append(1)),
    ("pop", lambda: a.pop()),
    ("extend", lambda: a.extend([1])),
    ("extend empty", lambda: a.extend([])),
    ("fromlist", lambda: a.fromlist([1])),
    ("fromlist empty", lambda: a.fromlist([])),
    ("frombytes", lambda: a.frombytes(b"1234")),
    ("frombytes empty", lambda: a.frombytes(b"")),
    ("iadd", lambda: a.__iadd__(array.array("i", [1]))),
    ("iadd empty", lambda: a.__iadd__(array.array("i"))),
    ("imul 2", lambda: a.__imul__(2)),
    ("imul 1", lambda: a.__imul__(1)),
    ("del item", lambda: a.__delitem__(0)),
    ("del slice", lambda: a.__delitem__(slice(0, 2))),
    ("del empty slice", lambda: a.__delitem__(slice(5, 9))),
    ("remove", lambda: a.remove(3)),
    ("insert", lambda: a.insert(0, 1)),
    ("set slice shrink", lambda: a.__setitem__(slice(0, 1), array.array("i"))),
    ("set slice same", lambda: a.__setitem__(slice(0, 1), array.array("i", [7]))),
    ("set ext slice", lambda: a.__setitem__(slice(None, None, 2), array.array("i", [8, 9]))),
    ("byteswap", lambda: a.byteswap()),
    ("byteswap back", lambda: a.byteswap()),
    ("reverse", lambda: a.reverse()),
]
for label, op in ops:
    t(label, op)
print(a, m.tolist())
m2 = memoryview(a)
m.release()
t("still exported", lambda: a.append(1))
m2.release()
t("released", lambda: (a.append(5), a))
with memoryview(a) as m3:
    t("with", lambda: a.pop())
t("after with", lambda: (a.pop(), a))
b = bytearray(array.array("h", [1, 2]))
print(b)
print(array.array("b", b"\x01\x02") == array.array("b", memoryview(b"\x01\x02")))
