# bytes.decode with the built-in codecs and every standard error handler.
def attempt(f):
    try:
        print('ok', ascii(f()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

data = [b'abc', b'\xc3\xa9', b'\xe2\x82\xac', b'\xf0\x9f\x98\x80', b'\xff', b'a\xffb\xfe', b'\xe2\x82', b'\xe2\x82a',
        b'\xe2a', b'\xed\xa0\x80', b'\xed\xb2\x80x', b'\xf0\x90\x80', b'\xf4\x90\x80\x80', b'\xc0\x80', b'\x80',
        b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00', b'\x00\xd8', b'\x00\xdc', b'\x00\xd8\x41\x00', b'\x41',
        b'\x00\xd8\x41', b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'\xff\xfe\x00\x00a\x00\x00\x00',
        b'\xef\xbb\xbfabc', b'', b'\x3d\xd8\x00\xde']
for d in data:
    for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'ascii', 'latin-1', 'utf-8-sig']:
        for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass']:
            attempt(lambda: d.decode(enc, errors))
attempt(lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'))
attempt(lambda: b'\xff'.decode('utf-8', 'namereplace'))
attempt(lambda: b'\xff'.decode('utf-8', 'bogus'))
attempt(lambda: b'abc'.decode('utf-8', 'bogus'))
attempt(lambda: b'abc'.decode('bogus'))
attempt(lambda: b''.decode('bogus'))
attempt(lambda: b'abc'.decode(encoding='ascii', errors='strict'))
attempt(lambda: b'abc'.decode(1))
attempt(lambda: b'abc'.decode('utf-8', None))
attempt(lambda: bytearray(b'\xc3\xa9').decode())
attempt(lambda: bytearray(b'\xff').decode())
attempt(lambda: b'\xff\xfe'.decode('ascii'))
print(b'caf\xc3\xa9'.decode() == 'café', len(b'\xf0\x9f\x98\x80'.decode()))
