# BufferedWriter: buffering, flushes, large writes, seek and tell with pending data.
import io
P = '/tmp/pyrs-io-buffered_writer'

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

f = open(P, 'wb', buffering=8)
print(f, f.write(b'abc'), f.tell(), contents())
print(f.write(b'defgh'), f.tell(), contents())
print(f.write(b'i'), contents())
print(f.write(b'0123456789ABCDEF'), contents())
print(f.write(b'xy'), f.seek(0), contents())
print(f.write(b'Z'), f.seek(0, 2), f.tell(), contents())
f.flush()
print(contents())
print(f.truncate(4), contents(), f.tell())
print(f.write(b'--'), f.tell())
f.close()
print(contents())
f = io.BufferedWriter(io.FileIO(P, 'w'), 4)
print(f.writable(), f.readable(), f.seekable(), f.name, f.mode)
for i in range(10):
    f.write(b'%d' % i)
print(contents())
t(f.read)
t(f.readline)
t(getattr, f, 'peek')
t(f.write, 'str')
t(f.write, 5)
t(f.seek, 0, 7)
raw = f.detach()
print(contents(), raw.closed)
t(f.write, b'x')
raw.close()
f = open(P, 'ab')
print(f.tell(), f.write(b'++'), f.tell())
f.close()
print(contents())
t(io.BufferedWriter, io.FileIO(P, 'r'))
f = open(P, 'wb')
f.write(b'x' * 100000)
print(f.tell())
f.write(b'y' * 5)
f.close()
c = contents()
print(len(c), c[-6:])
