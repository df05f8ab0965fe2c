# UnicodeDecodeError: attributes and __str__.
e = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
print(repr(e), '|', str(e), '|', e.encoding, e.object, e.start, e.end, e.reason, e.args)
for obj, s, t in [(b'\xff\xfe', 0, 2), (b'ab', 0, 1), (b'ab', 5, 6), (b'ab', -1, 6), (b'', 0, 1), (b'\x00', 0, 1)]:
    print(str(UnicodeDecodeError('utf-8', obj, s, t, 'bad')))
e = UnicodeDecodeError('utf-8', bytearray(b'ab'), 0, 1, 'bad')
print(type(e.object).__name__, e.object, str(e))
b = b'same'
print(UnicodeDecodeError('x', b, 0, 1, 'r').object is b)
e = UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad')
e.start = 1
print(str(e))
e.end = 3
print(str(e))
try:
    b'abc\xff'.decode('utf-8')
except UnicodeDecodeError as err:
    print(str(err), err.start, err.end, repr(err.object))
try:
    b'\xe9t\xe9'.decode('ascii')
except UnicodeDecodeError as err:
    print(str(err))
