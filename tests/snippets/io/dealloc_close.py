# A file object left open is flushed and closed when its last reference goes.
P = '/tmp/pyrs-io-dealloc_close'

def write_unclosed(text):
    f = open(P, 'w')
    f.write(text)

write_unclosed('written by a dropped file\n')
with open(P) as f:
    print(repr(f.read()))
f = open(P, 'a')
f.write('appended')
g = f
del f
print('still open:', not g.closed)
del g
print(repr(open(P).read()))
b = open(P, 'wb')
b.write(b'raw bytes')
b = None
print(open(P, 'rb').read())
import io
t = io.TextIOWrapper(io.BufferedWriter(io.FileIO(P, 'w')))
t.write('through three layers')
raw = t.buffer.raw
del t
print(raw.closed, open(P).read())
class Noisy(io.FileIO):
    def close(self):
        print('Noisy.close, closed =', self.closed)
        super().close()
n = Noisy(P, 'r')
del n
print('after del')
class WithDel(io.StringIO):
    def __del__(self):
        print('__del__ runs, closed =', self.closed)
w = WithDel('x')
del w
print('done')
fds = set()
for i in range(300):
    f = open(P)
    fds.add(f.fileno())
    del f
print(len(fds) < 5)
