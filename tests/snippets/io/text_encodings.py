# TextIOWrapper encodings and error handlers.
import io
P = '/tmp/pyrs-io-text_encodings'

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

def contents():
    with open(P, 'rb') as g:
        return g.read()

s = 'aé€𝄞\n'
for enc in ['utf-8', 'UTF8', 'utf_8', 'latin-1', 'latin1', 'iso-8859-1', 'ascii', 'us-ascii', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'u8']:
    for errors in [None, 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            with open(P, 'w', encoding=enc, errors=errors) as f:
                print(enc, errors, f.encoding, f.errors, f.write(s))
        except Exception as e:
            print(enc, errors, type(e).__name__, e)
        print('  ', contents())
    for errors in [None, 'replace', 'ignore', 'surrogateescape']:
        try:
            with open(P, encoding=enc, errors=errors) as f:
                print('   read', errors, ascii(f.read()))
        except Exception as e:
            print('   read', errors, type(e).__name__, e)
with open(P, 'wb') as f:
    f.write(b'ok \xff\xfe bad \xc3')
for errors in [None, 'strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace']:
    with open(P, encoding='utf-8', errors=errors) as f:
        t(f.read)
with open(P, encoding='utf-8', errors='surrogateescape') as f:
    data = f.read()
with open(P, 'w', encoding='utf-8', errors='surrogateescape') as f:
    f.write(data)
print(contents())
with open(P, 'w', encoding='utf-8') as f:
    t(f.write, 'x' + chr(0xdcff))
with open(P, 'w', encoding='utf-8', errors='surrogatepass') as f:
    t(f.write, 'x' + chr(0xd800))
print(contents())
t(open, P, encoding='nope')
t(open, P, encoding='rot13')
t(io.TextIOWrapper, io.BytesIO(), encoding=5)
t(io.TextIOWrapper, io.BytesIO(), errors=5)
t(io.TextIOWrapper, io.BytesIO(), newline=5)
t(io.TextIOWrapper, io.BytesIO(), newline='x')
t(io.TextIOWrapper, io.BytesIO(), line_buffering='a')
w = io.TextIOWrapper(io.BytesIO(), encoding='utf-16')
w.write('ab')
w.write('c')
w.flush()
print(w.buffer.getvalue())
w.seek(0)
print(repr(w.read()))
w = io.TextIOWrapper(io.BytesIO(b'\xff\xfea\x00b\x00'), encoding='utf-16')
print(repr(w.read()))
w = io.TextIOWrapper(io.BytesIO(b'a\x00b\x00'), encoding='utf-16')
t(w.read)
w = io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbfsig'), encoding='utf-8-sig')
print(repr(w.read()))
w = io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbfsig'), encoding='utf-8')
print(ascii(w.read()))
