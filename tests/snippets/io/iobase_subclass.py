# Python subclasses of the I/O bases, wrapped by the buffered and text classes.
import io

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.log = []
    def readable(self):
        return True
    def seekable(self):
        return True
    def writable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 5, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.log.append(('readinto', len(b), n))
        return n
    def write(self, b):
        b = bytes(b)
        self.data = self.data[:self.pos] + b + self.data[self.pos + len(b):]
        self.pos += len(b)
        self.log.append(('write', len(b)))
        return len(b)
    def seek(self, pos, whence=0):
        if whence == 0:
            self.pos = pos
        elif whence == 1:
            self.pos += pos
        else:
            self.pos = len(self.data) + pos
        self.log.append(('seek', pos, whence))
        return self.pos
    def tell(self):
        return self.pos

r = Raw(b'first line\nsecond line\nthird')
print(r.read(3), r.read(), r.read(), r.readall())
r.seek(0)
print(r.readline(), r.readlines())
print(isinstance(r, io.RawIOBase), isinstance(r, io.IOBase), isinstance(r, io.BufferedIOBase))
r = Raw(b'first line\nsecond line\nthird')
b = io.BufferedReader(r, 8)
print(b.read(3), b.readline(), b.peek(1)[:1], b.read(), b.tell())
print(r.log)
r = Raw(b'')
w = io.BufferedWriter(r, 4)
w.write(b'ab')
w.write(b'cdef')
w.write(b'g')
w.flush()
print(r.data, r.log)
r = Raw(b'line one\r\nline two\nend')
t = io.TextIOWrapper(io.BufferedRandom(r, 16), encoding='ascii')
print(t.readline(), t.tell(), t.read(4), t.readline(), t.read())
t.seek(0)
t.write('LINE')
t.flush()
print(r.data)
t.close()
print(r.closed, t.closed)

class Text(io.TextIOBase):
    def __init__(self, lines):
        self.lines = list(lines)
    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ''
print(list(Text(['a\n', 'b\n'])), Text([]).encoding)
print(Text(['x\n', 'y\n']).readlines())

class Bad(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        return 100
try:
    io.BufferedReader(Bad()).read(1)
except OSError as e:
    print('OSError', e)
class NoneRaw(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        return None
print(NoneRaw().read(5), io.BufferedReader(NoneRaw()).read(5))
class ReadBytes(io.BufferedIOBase):
    def read(self, n=-1):
        return b'xyz'[:n]
b = bytearray(2)
print(ReadBytes().readinto(b), b)
class TooMuch(io.BufferedIOBase):
    def read(self, n=-1):
        return b'xyz'
try:
    TooMuch().readinto(bytearray(2))
except ValueError as e:
    print('ValueError', e)
class Closes(io.IOBase):
    def close(self):
        print('close called')
        super().close()
with Closes() as c:
    print('inside', c.closed)
print(c.closed)
class BadLine(io.IOBase):
    def readline(self):
        return 5
try:
    next(iter(BadLine()))
except TypeError as e:
    print('TypeError', e)
