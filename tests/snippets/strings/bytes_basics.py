# bytes: construction, repr, indexing, slicing, in, comparisons, hashing, concatenation.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b'hello\x00\xff'
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], b[100:], list(b), b[5])
print(repr(b''), repr(b"'"), repr(b'"'), repr(b'\'"'), repr(b'\\'), repr(b'\t\n\r\x0b\x7f\x80'), repr(bytes(range(0, 256, 17))))
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), b'ab' * 3, 3 * b'x', b'x' * 0, b'x' * -1, b'' + b'')
print(b'a' < b'b', b'ab' < b'abc', b'\xff' > b'a', b'abc' == b'abc', b'a' != b'b', b'a' <= b'a', b'a' >= b'b')
print(b'ab' == bytearray(b'ab'), bytearray(b'ab') == b'ab', b'ab' == 'ab', b'ab' == memoryview(b'ab') if False else 0)
print(98 in b'abc', 300 in b'ab' if False else 0, b'bc' in b'abc', b'' in b'', bytearray(b'b') in b'abc', 0 in b'\x00')
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(b''), hash(b'abc') == hash('abc'))
attempt(lambda: b'abc'[3])
attempt(lambda: b'abc'[-4])
attempt(lambda: b'abc'['x'])
attempt(lambda: b'abc'[1.5])
attempt(lambda: b'a' + 'b')
attempt(lambda: 'a' + b'b')
attempt(lambda: b'a' + 1)
attempt(lambda: b'a' * 'x')
attempt(lambda: 'x' in b'abc')
attempt(lambda: 300 in b'abc')
attempt(lambda: -1 in b'abc')
attempt(lambda: None in b'abc')
attempt(lambda: b'a' < 'a')
attempt(lambda: b'a' < bytearray(b'b'))
x = b'abc'
print(x[:] is x, x[0:3] is x, (x + b'') is x, (x * 1) is x, bytes(x) is x, b''.join([x]) is x)
print(b'a' is b'a'[:1], b'' is b'abc'[5:], b'x'[0], bytes([120]) is b'x')
class B(bytes):
    pass
y = B(b'abc')
print(type(y).__name__, y, y == b'abc', type(y[:]).__name__, type(y + b'').__name__, type(bytes(y)).__name__, hash(y) == hash(b'abc'))
