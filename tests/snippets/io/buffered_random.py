# BufferedRandom: interleaved reads, writes and seeks stay consistent.
import io
P = '/tmp/pyrs-io-buffered_random'

def contents():
    with open(P, 'rb') as g:
        return g.read()

with open(P, 'wb') as f:
    f.write(b'0123456789' * 3)
for bs in [4, 8192]:
    with open(P, 'wb') as f:
        f.write(b'0123456789' * 3)
    f = open(P, 'r+b', buffering=bs)
    print(type(f).__name__, f.mode, f.readable(), f.writable(), f.seekable())
    print(f.read(3), f.write(b'abc'), f.tell(), f.read(2), f.tell())
    print(f.seek(0), f.read(8), f.seek(2), f.write(b'XY'), f.read(3), f.tell())
    print(f.peek(1)[:1], f.read1(2), f.readline(), f.tell())
    print(f.seek(-4, 2), f.write(b'END!'), f.tell(), f.read(), f.tell())
    print(f.seek(0), f.read())
    f.seek(10)
    f.write(b'_' * 15)
    print(f.tell(), f.seek(0), f.read(5))
    print(f.truncate(20), f.tell(), f.seek(0, 2))
    b = bytearray(6)
    f.seek(3)
    print(f.readinto(b), b)
    f.close()
    print(contents())
f = io.BufferedRandom(io.FileIO(P, 'r+'), 3)
print(f.read(4), f.write(b'w'), f.seek(0, 1), f.read())
f.close()
try:
    io.BufferedRandom(io.FileIO(P, 'r'))
except Exception as e:
    print(type(e).__name__, e)
try:
    io.BufferedRandom(io.FileIO(P, 'w'))
except Exception as e:
    print(type(e).__name__, e)
print(contents())
