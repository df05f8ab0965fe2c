# readinto() and readinto1() through every layer, with short raw reads.
import io
P = '/tmp/pyrs-io-readinto_variants'

with open(P, 'wb') as f:
    f.write(bytes(range(200)))

class Trickle(io.RawIOBase):
    """A raw stream that returns at most 3 bytes per read."""
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(3, len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

for size in [0, 1, 5, 50, 300]:
    out = []
    for make in [lambda: open(P, 'rb', buffering=0), lambda: open(P, 'rb'), lambda: open(P, 'rb', buffering=16),
                 lambda: io.BytesIO(bytes(range(200))), lambda: io.BufferedReader(Trickle(bytes(range(200))), 8)]:
        f = make()
        b = bytearray(size)
        n = f.readinto(b)
        b1 = bytearray(size)
        n1 = f.readinto1(b1) if hasattr(f, 'readinto1') else None
        out.append((n, bytes(b[:4]), n1, bytes(b1[:4]), f.tell() if f.seekable() else None))
        f.close()
    print(size, out)
t = Trickle(b'abcdefghij')
print(t.read(5), t.read(), t.calls)
t = Trickle(b'abcdefghij')
print(t.readall(), t.calls)
r = io.BufferedReader(Trickle(b'0123456789' * 5), 4)
print(r.read(7), r.read1(10), r.read1(1), r.peek(1)[:1], r.read(100))
r = io.BufferedReader(Trickle(b'line1\nline2\nline3'), 4)
print(r.readline(), list(r))
b = bytearray(b'unchanged')
print(io.BytesIO(b'').readinto(b), b)
for bad in [b'bytes', 'str', 5, None]:
    try:
        io.BytesIO(b'x').readinto(bad)
    except TypeError as e:
        print('TypeError', e)
