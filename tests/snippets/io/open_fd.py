# open() and FileIO on file descriptors: closefd, opener, fileno sharing.
import io
P = '/tmp/pyrs-io-open_fd'

with open(P, 'w') as f:
    f.write('via fd\n')
raw = open(P, 'rb', buffering=0)
fd = raw.fileno()
g = open(fd, closefd=False)
print(g, g.name, g.buffer.raw.closefd, repr(g.read()))
g.close()
print(raw.closed, raw.seek(0), raw.read())
h = io.FileIO(fd, 'r', closefd=False)
print(h, h.name, h.closefd, h.mode)
h.close()
print(raw.read(), raw.closed)
raw.close()
seen = []
def opener(path, flags):
    seen.append((path, flags & 3))
    return io.FileIO(path, 'r', closefd=False).fileno()
try:
    f = open(P, 'r', opener=opener)
    print(f.read(), seen)
    f.close()
except Exception as e:
    print(type(e).__name__, e)
def opener2(path, flags):
    return open(path, 'rb', buffering=0).detach() if False else 12345
try:
    open(P, opener=opener2)
except OSError as e:
    print('OSError', e.errno, e.strerror)
try:
    io.FileIO(99999)
except OSError as e:
    print('OSError', e.errno, e.strerror)
try:
    open(P, 'r', closefd=False)
except ValueError as e:
    print('ValueError', e)
f = open(P)
fd = f.fileno()
f2 = open(fd)
print(f2.name == fd, repr(f2.readline()))
f2.close()
try:
    f.read()
except OSError as e:
    print('OSError', e.errno, e.strerror)
try:
    f.close()
except OSError as e:
    print('close OSError', e.errno)
print(f.closed)
