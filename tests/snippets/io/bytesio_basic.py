# BytesIO: reading, writing past the end, lines, readinto, state, errors.
import io

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

b = io.BytesIO(b'hello\nworld\nlast')
print(b.read(3), b.tell(), b.readline(), b.readline(2), b.read1(3), b.read(), b.read())
b.seek(0)
print(list(b), b.tell())
b.seek(0)
print(b.readlines(), b.readlines())
b.seek(0)
print(b.readlines(7), b.readlines(None))
b.seek(3)
print(b.write(b'LP'), b.getvalue(), b.tell())
print(b.seek(0, 2), b.write(bytearray(b'!')), b.seek(30), b.write(b'x'), b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b.seek(1)
ba = bytearray(3)
print(b.readinto(ba), ba, b.readinto(bytearray(10)), b.tell())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed, b.flush())
print(b.seek(-2, 1), b.seek(-100, 1), b.seek(-1, 2))
t(b.seek, -1)
t(b.seek, 0, 3)
t(b.seek, 'a')
t(b.truncate, -1)
t(b.write, 'str')
t(b.readinto, b'x')
t(b.readlines, 'a')
t(b.read, 1.5)
t(b.fileno)
t(b.detach)
b.writelines([b'a', bytearray(b'b')])
t(b.writelines, ['s'])
print(b.getvalue(), b.__getstate__())
b2 = io.BytesIO()
b2.__setstate__((b'state', 2, {'k': 1}))
print(b2.getvalue(), b2.tell(), b2.k, b2.read())
t(b2.__setstate__, (b'x',))
t(b2.__setstate__, (b'x', -1, None))
t(io.BytesIO, 'abc')
t(io.BytesIO, 5)
print(type(io.BytesIO(None)).__name__, io.BytesIO(None).getvalue(), io.BytesIO(bytearray(b'ba')).getvalue(), io.BytesIO(initial_bytes=b'kw').read())
b.close()
print(b.closed, b.close())
t(b.getvalue)
t(b.read)
t(b.write, b'x')
print(iter(b) is b)
t(next, b)
class B(io.BytesIO):
    pass
x = B(b'sub')
x.attr = 1
print(x.read(), x.__dict__, x.__getstate__())
with io.BytesIO(b'ctx') as x:
    print(x.read())
print(x.closed)
