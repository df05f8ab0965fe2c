# bytes use ASCII whitespace and line breaks only.
for T in (bytes, bytearray):
    s = T(b' a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj\x85k\xa0l ')
    print(s.split(), s.strip(), s.rsplit(None, 2), s.splitlines(), s.isspace(), T(b' \t\n\x0b\x0c\r').isspace())
    print(T(b'a\x1cb').splitlines(), T(b'a\x85b').splitlines(), T(b'\r\r\n\n').splitlines(True), T(b'').splitlines())
    print(T(b'  a  b  ').split(maxsplit=1), T(b'  a  b  ').rsplit(maxsplit=1), T(b'a  b').split(b' '), T(b'   ').split())
