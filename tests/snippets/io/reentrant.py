# Reentrant calls into a buffered object from its raw stream raise RuntimeError.
import io
class R(io.RawIOBase):
    def readable(self): return True
    def readinto(self, b):
        try:
            print(buf.read(1))
        except RuntimeError as e:
            print('RuntimeError', e)
        b[:1] = b'x'
        return 1
buf = io.BufferedReader(R(), 4)
print(buf.read(2))
class W(io.RawIOBase):
    def writable(self): return True
    def write(self, b):
        try:
            wbuf.write(b'y')
        except RuntimeError as e:
            print('RuntimeError', e)
        return len(b)
wbuf = io.BufferedWriter(W(), 2)
wbuf.write(b'abc')
wbuf.flush()
class T(io.BytesIO):
    def write(self, b):
        t.write('inner')
        return super().write(b)
t = io.TextIOWrapper(T())
t.write('x')
try:
    t.flush()
except RecursionError as e:
    print('RecursionError')
