# A live buffer export pins the size of bytearray, array.array and BytesIO.
import array
import binascii
import io
import re
import struct
import sys


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)


b = bytearray(b"abc")
m = memoryview(b)
attempt("append", lambda: b.append(1))
attempt("extend", lambda: b.extend(b"xy"))
attempt("clear", lambda: b.clear())
attempt("setitem-same-size", lambda: b.__setitem__(slice(0, 1), b"z"))
attempt("setitem-resize", lambda: b.__setitem__(slice(0, 1), b"zz"))
attempt("iadd", lambda: b.__iadd__(b"q"))
m.release()
b.append(100)
print(b)
with memoryview(b) as m2:
    attempt("pop", lambda: b.pop())
attempt("pop-after-with", lambda: b.pop())

a = array.array("i", [1, 2, 3])
m = memoryview(a)
attempt("array.append", lambda: a.append(4))
del m
a.append(4)
print(a)

bio = io.BytesIO(b"hello")
buf = bio.getbuffer()
attempt("bytesio.write", lambda: bio.write(b"world!"))
attempt("bytesio.truncate", lambda: bio.truncate(1))
buf.release()
print(bio.write(b" world"), bio.getvalue())

# bytearray.join holds self while iterating (gh-112625).
sep = bytearray(b",")


def misbehaving():
    sep.clear()
    yield b"A"
    yield b"B"


attempt("join", lambda: sep.join(misbehaving()))
print(sep, bytearray(b"-").join([b"a", bytearray(b"b"), memoryview(b"c")]))

# re keeps the subject's buffer while a scanner lives.
ba = bytearray(b"x")
it = re.finditer(b"a", ba)
attempt("re-extend", lambda: ba.extend(b"x" * 10))
print(list(it))
del it
ba.extend(b"a")
print(ba, re.findall(b"a", ba))

# Non-contiguous views are refused where a simple buffer is wanted.
nc = memoryview(bytearray(b"noncontig"))[::-2]
attempt("b2a_hex", lambda: binascii.b2a_hex(nc))
attempt("crc32", lambda: binascii.crc32(nc))
attempt("hexlify-contig", lambda: binascii.hexlify(memoryview(b"ab")[::1]))

# struct's message for a huge offset does not overflow.
attempt("pack_into", lambda: struct.pack_into("<I", bytearray(10), sys.maxsize, 1))
attempt("unpack_from", lambda: struct.unpack_from("<I", bytearray(10), sys.maxsize))
