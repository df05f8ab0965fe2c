# bytes() and bytearray() constructors.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for make in (bytes, bytearray):
    attempt(lambda: make())
    attempt(lambda: make(3))
    attempt(lambda: make(0))
    attempt(lambda: make([1, 2, 255]))
    attempt(lambda: make((65, 66)))
    attempt(lambda: make(range(5)))
    attempt(lambda: make(x for x in [97, 98]))
    attempt(lambda: make(b'ab'))
    attempt(lambda: make(bytearray(b'cd')))
    attempt(lambda: make('é', 'utf-8'))
    attempt(lambda: make('é', 'latin-1'))
    attempt(lambda: make('\u20ac', 'ascii', 'replace'))
    attempt(lambda: make('abc', encoding='utf-16-le'))
    attempt(lambda: make(source=b'z'))
    attempt(lambda: make('a'))
    attempt(lambda: make(1, 'utf-8'))
    attempt(lambda: make(b'a', errors='strict'))
    attempt(lambda: make(encoding='utf-8'))
    attempt(lambda: make(errors='strict'))
    attempt(lambda: make(-1))
    attempt(lambda: make([300]))
    attempt(lambda: make([-1]))
    attempt(lambda: make(['a']))
    attempt(lambda: make([1.5]))
    attempt(lambda: make(object()))
    attempt(lambda: make(1.5))
    attempt(lambda: make(None))
    attempt(lambda: make('x', 'bogus'))
    attempt(lambda: make('é', 'ascii'))
    attempt(lambda: make(2**100))
    attempt(lambda: make({1: 2, 3: 4}))
    attempt(lambda: make(True))
    attempt(lambda: make(1, 2, 3, 4))
    attempt(lambda: make('a', 1))
class WithBytes:
    def __bytes__(self):
        return b'custom'
class BadBytes:
    def __bytes__(self):
        return 'no'
class Idx:
    def __index__(self):
        return 3
class BytesSub(bytes):
    pass
attempt(lambda: bytes(WithBytes()))
attempt(lambda: bytes(BadBytes()))
attempt(lambda: bytes(Idx()))
attempt(lambda: bytearray(Idx()))
attempt(lambda: bytes([Idx()]))
attempt(lambda: bytearray(WithBytes()))
s = BytesSub(b'xyz')
print(type(s).__name__, s, type(BytesSub()).__name__, BytesSub([65]), BytesSub(2))
ba = bytearray(b'abc')
ba.__init__(b'xy')
print(ba)
ba.__init__()
print(ba)
ba.__init__(3)
print(ba)
