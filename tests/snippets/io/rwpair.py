# BufferedRWPair over two in-memory streams.
import io

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

r = io.BytesIO(b'abc\ndef\n')
w = io.BytesIO()
p = io.BufferedRWPair(r, w, 4)
print(p.readable(), p.writable(), p.isatty(), p.closed)
print(p.read(2), p.peek(1)[:1], p.read1(3), p.write(b'xyz'), w.getvalue())
p.flush()
print(w.getvalue())
b = bytearray(2)
print(p.readinto(b), b, p.readinto1(bytearray(5)), p.read())
t(p.seek, 0)
t(p.tell)
t(p.fileno)
t(p.detach)
p.close()
print(p.closed, r.closed, w.closed)
t(io.BufferedRWPair, io.BytesIO(), io.BytesIO(), 1, 2)
t(io.BufferedRWPair, io.BytesIO())
t(io.BufferedRWPair, io.BytesIO(), io.BytesIO(), buffer_size=3)
t(io.BufferedRWPair, io.BufferedWriter(io.BytesIO()), io.BytesIO())
u = io.BufferedRWPair.__new__(io.BufferedRWPair)
t(u.read)
t(u.write, b'')
t(getattr, u, 'closed')
