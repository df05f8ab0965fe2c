# memoryview.cast, formats, multi-dimensional views, tolist, comparisons.
import sys
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))

raw = bytearray(range(24))
m = memoryview(raw)
for fmt in "BbcHhIiLlQqNnfd?e":
    try:
        c = m.cast(fmt)
    except Exception as e:
        print(fmt, type(e).__name__, e)
        continue
    print(fmt, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist()[:3])
i = m.cast("I")
print(i[0], i[-1], i[1:3].tolist(), i[::2].shape)
i[0] = 0xDEADBEEF
print(raw[:4], i[0])
show("int overflow", lambda: i.__setitem__(0, 2**32))
show("int neg", lambda: i.__setitem__(0, -1))
show("float into int", lambda: i.__setitem__(0, 1.5))
f = memoryview(bytearray(16)).cast("d")
f[0] = 1.5
f[1] = 7
print(f.tolist())
show("str into d", lambda: f.__setitem__(0, "x"))
q = memoryview(bytearray(8)).cast("?")
q[0] = True
q[1] = 0
print(q.tolist())
c = memoryview(bytearray(b"ab")).cast("c")
c[0] = b"z"
print(c.tolist(), c[1])
show("c wrong", lambda: c.__setitem__(0, b"zz"))
show("c int", lambda: c.__setitem__(0, 1))
two = m.cast("B", shape=[4, 6])
print(two.ndim, two.shape, two.strides, two.tolist()[1], two[1, 2], two.nbytes, len(two))
show("2d index", lambda: two[1])
show("2d slice", lambda: two[1:3].tolist()[0][:3])
show("2d tobytes", lambda: two.tobytes()[:5])
show("2d bad index", lambda: two[4, 0])
show("2d hex", lambda: two.hex()[:6])
three = m.cast("B", (2, 3, 4))
print(three.tolist()[1][2], three.strides, three[1, 2, 3])
show("shape mismatch", lambda: m.cast("B", [5, 5]))
show("bad format", lambda: m.cast("X"))
show("bad format2", lambda: m.cast("<I"))
show("bad size", lambda: memoryview(bytearray(5)).cast("I"))
show("cast I to H", lambda: m.cast("I").cast("H"))
show("cast I to B", lambda: m.cast("I").cast("B").shape)
show("cast 2d", lambda: two.cast("B").shape)
show("cast noncontig", lambda: m[::2].cast("B"))
show("shape zero", lambda: m.cast("B", [0, 24]))
show("shape neg", lambda: m.cast("B", [-1]))
show("shape type", lambda: m.cast("B", 5))
show("ndim big", lambda: m.cast("B", [1] * 65))
show("eq diff fmt", lambda: m.cast("I") == m.cast("i"))
show("eq 2d", lambda: two == m.cast("B", [4, 6]))
show("eq 2d list", lambda: two == m)
show("eq float", lambda: memoryview(bytearray(8)).cast("d") == memoryview(bytearray(8)).cast("f"))
print(memoryview(b"\x00\x00\x80\x7f").cast("f") == memoryview(b"\x00\x00\x80\x7f").cast("f"))
nan = memoryview(bytearray(b"\x00\x00\xc0\x7f")).cast("f")
print(nan[0], nan == nan)
show("hash I ro", lambda: hash(memoryview(b"abcd").cast("I")))
show("hash c ro", lambda: hash(memoryview(b"abcd").cast("c")) == hash(b"abcd"))
print(memoryview(b"abcd").cast("I").toreadonly().readonly, sys.getsizeof(memoryview(b"")) > 0)
show("getitem ellipsis", lambda: memoryview(b"ab")[...].tobytes())
show("zero-dim", lambda: memoryview(b"abcd").cast("I", []).tolist())
z = memoryview(bytearray(b"abcd")).cast("I", [])
print(z.ndim, z.shape, z.strides, z[()], z[...].ndim)
show("zero-dim len", lambda: len(z))
show("zero-dim index", lambda: z[0])
z[()] = 5
print(z[()], z.tobytes())
show("2d cast shape", lambda: two.cast("B", [24]).shape)
show("2d eq list", lambda: two.tolist() == [list(range(i * 6, i * 6 + 6)) for i in range(4)])
show("2d setitem", lambda: two.__setitem__((0, 0), 255))
print(raw[0])
show("2d set slice", lambda: two.__setitem__(slice(0, 1), b"x"))
show("tuple index 1d", lambda: m[0, 0])
show("ctypes-like fmt", lambda: memoryview(b"ab").cast("B").format)
s = memoryview(bytearray(b"abcdefgh"))[::2]
print(s.tolist(), s.tobytes(), bytes(s), s.contiguous, s.c_contiguous, s.hex())
s[1] = 0x5A
print(s.obj)
r = memoryview(b"abcdef")[::-2]
print(r.tolist(), r.strides, bytes(r), r == b"fdb")
