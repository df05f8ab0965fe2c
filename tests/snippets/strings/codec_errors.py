# Codec exceptions: their attributes and messages.
# Lone surrogates are built with chr() so that the test does not depend on how
# the compiler stores surrogate escapes in literals.
def attempt(f):
    try:
        print('ok', ascii(f()))
    except UnicodeError as e:
        print(type(e).__name__, ascii(str(e)), ascii(e.encoding), ascii(e.object), e.start, e.end, ascii(e.reason))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

attempt(lambda: 'a\xe9b'.encode('ascii'))
attempt(lambda: 'a\xe9\xe9b'.encode('ascii'))
attempt(lambda: '\u20ac'.encode('latin-1'))
attempt(lambda: ('x' + chr(0xd800) + 'y').encode('utf-8'))
attempt(lambda: ('x' + chr(0xd800) + chr(0xdc00) + 'y').encode('utf-8'))
attempt(lambda: ('x' + chr(0xd800)).encode('utf-16-le'))
attempt(lambda: ('x' + chr(0xd800)).encode('utf-32'))
attempt(lambda: b'ab\xffcd'.decode('utf-8'))
attempt(lambda: b'ab\xe2\x82'.decode('utf-8'))
attempt(lambda: b'ab\xe2\x82x'.decode('utf-8'))
attempt(lambda: b'\x80abc'.decode('ascii'))
attempt(lambda: b'abc'.decode('utf-16'))
attempt(lambda: b'abcde'.decode('utf-32'))
attempt(lambda: b'\x00\x00\x11\x00'.decode('utf-32'))
attempt(lambda: bytearray(b'\xff').decode())
attempt(lambda: (chr(0xdcff) + chr(0xdc41)).encode('ascii', 'surrogateescape'))
attempt(lambda: (chr(0xdcff) + '\xe9').encode('latin-1', 'surrogateescape'))
attempt(lambda: (chr(0xd800)).encode('latin-1', 'surrogatepass'))
attempt(lambda: (chr(0xd800)).encode('utf-16', 'surrogateescape'))
attempt(lambda: b'\x41'.decode('utf-16-le', 'surrogateescape'))
attempt(lambda: b'\x41\x00\x00'.decode('utf-16-le', 'surrogateescape'))
attempt(lambda: b'\xed\xa0'.decode('utf-8', 'surrogatepass'))
attempt(lambda: b'\xff\xfe'.decode('ascii', 'surrogatepass'))
e = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'bad')
print(str(e), e.args, repr(e))
e = UnicodeEncodeError('ascii', '\xe9\xe9', 0, 2, 'nope')
print(ascii(str(e)), ascii(e.args))
