# marshal.dumps gives CPython's bytes for every marshallable type and version, and
# loads reads them back.
import marshal

big = 2 ** 100
values = [
    None, True, False, Ellipsis, StopIteration,
    0, 1, -1, 255, 256, 2 ** 31 - 1, -2 ** 31, 2 ** 31, -2 ** 31 - 1, 2 ** 63, -2 ** 64, big, -big,
    10 ** 40 + 12345, 32767, 32768, 2 ** 45 - 1,
    0.0, -0.0, 1.5, 1e300, float("inf"), -float("inf"), 1 / 3,
    1j, complex(1.5, -2.25), complex(0.0, -0.0),
    b"", b"abc", bytes(range(256)), bytearray(b"xyz"), memoryview(b"mv"),
    "", "abc", "x" * 300, "caf\xe9", "\u20ac uro", "\U0001f600", "a\udc80b",
    (), (1,), (1, "a", None), tuple(range(300)), [], [1, [2, [3]]],
    {}, {"a": 1, 2: [3]}, set(), {1}, frozenset(), frozenset({"b", "a", "c"}), {3, 1, 2},
    {frozenset({1, 2}), (1, 2)},
]
for v in values:
    for version in range(5):
        data = marshal.dumps(v, version)
        back = marshal.loads(data)
        same = back == v or (v != v)
        if isinstance(v, float) and v == 0.0:
            same = repr(back) == repr(v)
        if isinstance(v, (bytearray, memoryview)):
            same = back == bytes(v) and type(back) is bytes
        print(version, type(v).__name__, data.hex(), same)

# Shared objects: back-references (version 3 and later) and their identity.
s = ["shared"]
t = (s, s, s)
for version in range(5):
    data = marshal.dumps(t, version)
    back = marshal.loads(data)
    print(version, data.hex(), back[0] is back[1])
d = {}
pair = [d, d]
data = marshal.dumps(pair)
print(data.hex(), marshal.loads(data)[0] is marshal.loads(data)[1])
x = 1000
print(marshal.dumps(x).hex(), marshal.dumps([x, x]).hex())
print(marshal.dumps([]).hex(), marshal.dumps(tuple([1000 + i for i in range(2)])).hex())
print(marshal.version, marshal.dumps(1.5, 1).hex(), marshal.dumps(-1.5e-300, 0).hex())
print(marshal.loads(b"I\x01\x02\x03\x04\x05\x06\x07\x08"), marshal.loads(b"i\xff\xff\xff\xffextra"))
print(marshal.loads(b"f\x041.25"), marshal.loads(b"x\x011\x03-.5"))
print(marshal.loads(memoryview(b"N")), marshal.loads(bytearray(b"T")))
print(marshal.loads(b"l\x00\x00\x00\x00"), marshal.loads(b"l\xfe\xff\xff\xff\x01\x00\x01\x00"))
