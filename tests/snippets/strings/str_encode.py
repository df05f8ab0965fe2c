# str.encode with the built-in codecs and every standard error handler.
# Lone surrogates are built with chr() so that the test does not depend on how
# the compiler stores surrogate escapes in literals.
def attempt(f):
    try:
        print('ok', ascii(f()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

texts = ['abc', 'é', 'a\u20acb', '\U0001f600', 'ß\u00ff\u0100', (chr(0xd800)), ('x' + chr(0xdcff) + 'y'), (chr(0xdc80) + chr(0xdc81)), '', 'a\x00b']
for t in texts:
    for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'ascii', 'latin-1', 'utf-8-sig']:
        for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
                       'surrogateescape', 'surrogatepass']:
            attempt(lambda: t.encode(enc, errors))
print('abc'.encode(), 'é'.encode(), 'é'.encode(encoding='latin-1'), 'é'.encode(errors='strict'))
attempt(lambda: 'é'.encode('ascii'))
attempt(lambda: 'éé€'.encode('ascii'))
attempt(lambda: 'a€€b'.encode('latin-1'))
attempt(lambda: (chr(0xd800) + chr(0xdfff)).encode('utf-8'))
attempt(lambda: (chr(0xd800) + chr(0xdfff)).encode('utf-16'))
attempt(lambda: 'a'.encode('bogus'))
attempt(lambda: 'é'.encode('utf-8', 'bogus'))
attempt(lambda: 'é'.encode('ascii', 'bogus'))
attempt(lambda: 'a'.encode(1))
attempt(lambda: 'a'.encode('utf-8', 1))
attempt(lambda: 'a'.encode('hex'))
attempt(lambda: 'a'.encode('rot13'))
attempt(lambda: 'a'.encode('utf-8\x00'))
attempt(lambda: 'a'.encode('utf-8', 'strict', 'x'))
attempt(lambda: 'a'.encode(encodin='x'))
