# memoryview exports: pinning a bytearray, release, other consumers of the buffer protocol.
import sys, io
m = memoryview(b"hello")
print(sys.getsizeof(m), sys.getsizeof(memoryview(b"x").cast("B", [1])))
print(type(iter(m)).__name__, type(m).__name__, memoryview.__name__)
b = io.BytesIO()
b.write(memoryview(b"abc")[1:])
print(b.getvalue())
print(bytes(memoryview(bytearray(b"xyz"))[::-1]))
ba = bytearray(b"0123456789")
mv = memoryview(ba)
sub = mv[2:5]
del mv
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
sub.release()
ba.append(1)
print(len(ba))
m1 = memoryview(b"ab")
m2 = memoryview(m1)
try:
    with memoryview(bytearray(3)) as x:
        y = memoryview(x)
        x.release()
except BufferError as e:
    print(e)
print(memoryview(b"abc").__len__(), isinstance(memoryview(b""), memoryview))
try:
    class M(memoryview): pass
except TypeError as e:
    print(e)
print(str(memoryview(b"abc"), "ascii"), b"abc".decode() == str(memoryview(b"abc"), "utf-8"))
print(int.from_bytes(memoryview(b"\x01\x00"), "little"), float.fromhex("0x1p3"))
print(bytearray(b"abc").find(memoryview(b"c")), b"a,b".split(memoryview(b",")))
import weakref
r = weakref.ref(m1)
print(r() is m1)
# A consumer asking for a simple buffer sees the bytes of a multi-dimensional view.
import _operator
m2 = memoryview(bytearray(6)).cast("B", [2, 3])
print(_operator._compare_digest(m2, bytes(6)), _operator._compare_digest(m2, m2))
