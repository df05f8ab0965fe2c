# marshal's errors: unmarshallable values, bad data, truncated data, bad arguments.
import marshal


def show(f, *args):
    try:
        r = f(*args)
        print("ok", r if not isinstance(r, bytes) else r.hex())
    except Exception as e:
        print(type(e).__name__ + ":", e)


class C:
    pass


show(marshal.dumps, C())
show(marshal.dumps, [1, C()])
show(marshal.dumps, {1: object()})
show(marshal.dumps, {1, 2, C()})
show(marshal.dumps, type)
show(marshal.dumps, len)
show(marshal.dumps, 1, "x")
show(marshal.dumps, 1, 2, 3)
show(marshal.dumps)
show(marshal.dumps, 1, 2 ** 40)


class I(int):
    pass


class S(str):
    pass


show(marshal.dumps, I(3))
show(marshal.dumps, S("s"))
nested = []
for _ in range(3000):
    nested = [nested]
show(marshal.dumps, nested)
deep = b"[\x01\x00\x00\x00" * 2100 + b"N"
show(marshal.loads, deep)

for data in [b"", b"i\x01\x00", b"s\x05\x00\x00\x00ab", b"s\xff\xff\xff\xff", b"(\xff\xff\xff\xff",
             b"[\xff\xff\xff\xff", b"<\xff\xff\xff\xff", b"a\xff\xff\xff\xff", b"u\xff\xff\xff\xff",
             b"r\x00\x00\x00\x00", b"r\xff\xff\xff\xff", b"\x01", b"W", b"0", b")\x01", b")\x010",
             b"[\x01\x00\x00\x000", b"<\x01\x00\x00\x000", b"{0", b"{i\x01\x00\x00\x00N0",
             b"{i\x01\x00\x00\x000", b"l\x01\x00\x00\x00\x00\x00", b"l\x01\x00\x00\x00\xff\xff",
             b"l\x00\x00\x00\x80", b"z", b"z\x05ab", b"f", b"f\x03abc", b"g\x00\x00",
             b"u\x02\x00\x00\x00\xff\xfe", b"{[\x00\x00\x00\x00N0", b"\xdb\x00\x00\x00\x00",
             b"([\x00\x00\x00\x00r\x00\x00\x00\x00", b"c\x00\x00\x00\x00"]:
    show(marshal.loads, data)
show(marshal.loads, "str")
show(marshal.loads, 5)
show(marshal.loads)
