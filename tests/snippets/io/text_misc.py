# TextIOWrapper odds and ends: telling disabled during iteration, non-seekable
# buffers, readable/writable checks, the name and mode attributes, reprs.
import io

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

P = '/tmp/pyrs-io-text_misc'
with open(P, 'w') as f:
    f.write('1\n2\n3\n')
with open(P) as f:
    next(f)
    t(f.tell)
    for _ in f:
        pass
    t(f.tell)
class Unseekable(io.BytesIO):
    def seekable(self):
        return False
w = io.TextIOWrapper(Unseekable(b'abc\ndef'))
t(w.tell)
t(w.seek, 0)
print(w.seekable(), w.readline())
w = io.TextIOWrapper(io.BytesIO(b'x'))
print(repr(w), w.name if hasattr(w, 'name') else 'no name')
w.mode = 'rw'
print(repr(w))
t(setattr, w, 'name', 'named')
print(repr(w), w.__dict__)
class T(io.TextIOWrapper):
    pass
t2 = T(io.BytesIO(b'sub\nclass\n'), encoding='ascii')
print(repr(t2), list(t2), t2.encoding)
print(io.TextIOWrapper(io.BufferedReader(io.BytesIO(b'r'))).read())
b = io.BufferedReader(io.BytesIO(b'buffered name'))
print(repr(b))
class NamedRaw(io.BytesIO):
    name = 'raw-name'
    mode = 'rb'
b = io.BufferedReader(NamedRaw(b'abc'))
print(repr(b), b.name, b.mode)
print(repr(io.TextIOWrapper(b)))
w = io.TextIOWrapper(io.BytesIO())
t(w.truncate)
w.write('abcdef')
print(w.tell(), w.truncate(3), w.buffer.getvalue(), w.seek(0), repr(w.read()))
print(w.fileno.__name__)
t(w.fileno)
t(w.isatty)
print(w.readable(), w.writable(), w.seekable(), w.closed, w.line_buffering, w.write_through)
print(w.errors, w.encoding, w.newlines)
