# ASCII-only case mapping and predicates of bytes and bytearray.
for T in (bytes, bytearray):
    for s in [b'hello World', b'HELLO', b'hello', b'Hello World', b"they're bill's", b'\xe9\xc9 abc', b'a1b2', b'', b'123',
              b'_x', b'x y', b'DOUBLE  space', b'\xff']:
        t = T(s)
        print(t.lower(), t.upper(), t.swapcase(), t.title(), t.capitalize(), t.islower(), t.isupper(), t.istitle(),
              t.isalpha(), t.isalnum(), t.isdigit(), t.isascii(), t.isspace())
