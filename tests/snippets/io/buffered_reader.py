# BufferedReader: read, read1, peek, readline, readinto, seeks inside and outside
# the buffer, small buffer sizes.
import io
P = '/tmp/pyrs-io-buffered_reader'

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

data = b''.join(b'line %d\n' % i for i in range(50))
with open(P, 'wb') as f:
    f.write(data)
for bs in [2, 7, 16, 64, 8192]:
    f = open(P, 'rb', buffering=bs)
    print(bs, type(f).__name__, f.read(3), f.tell(), f.peek(2)[:2], f.read1(4), f.tell())
    print('  ', f.readline(), f.readline(3), f.readline(0), f.tell())
    print('  ', f.seek(0), f.read(10), f.seek(5), f.read(2), f.seek(-3, 1), f.read(3), f.tell())
    print('  ', f.seek(-10, 2), f.read(), f.read(), f.read(5), f.tell())
    f.seek(100)
    b = bytearray(25)
    print('  ', f.readinto(b), bytes(b), f.tell())
    b = bytearray(5)
    print('  ', f.readinto1(b), bytes(b), f.tell())
    print('  ', len(f.readlines()), f.tell())
    f.seek(0)
    print('  ', sum(1 for _ in f), f.tell())
    f.close()
f = io.BufferedReader(io.FileIO(P), 10)
print(f, f.raw, f.name, f.mode, f.closed, f.readable(), f.writable(), f.seekable(), f.isatty())
t(f.read, -2)
t(f.read, 'a')
t(f.read1, None)
t(f.readline, 'a')
t(f.peek, 'a')
t(f.seek, 0, 3)
t(f.seek, 1.5)
t(f.write, b'x')
t(f.truncate)
print(f.read(None)[:20], f.read1(), f.peek(), f.read())
raw = f.detach()
print(raw, raw.closed)
t(f.read)
t(repr, f)
t(getattr, f, 'closed')
t(getattr, f, 'name')
t(f.detach)
print(f.raw)
raw.close()
t(io.BufferedReader, io.FileIO(P, 'a'))
t(io.BufferedReader, io.FileIO(P), 0)
t(io.BufferedReader, io.FileIO(P), -1)
t(io.BufferedReader)
b = io.BufferedReader.__new__(io.BufferedReader)
t(b.read)
t(repr, b)
class R(io.BufferedReader):
    pass
r = R(io.FileIO(P), 4)
print(r, r.readline(), next(r), r.__dict__)
r.close()
