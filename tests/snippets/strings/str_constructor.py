# str() with object, encoding and errors; subclasses.
def attempt(f):
    try:
        print('ok', ascii(f()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

attempt(lambda: str())
attempt(lambda: str('x'))
attempt(lambda: str(object='y'))
attempt(lambda: str(b'abc'))
attempt(lambda: str(b'abc', 'ascii'))
attempt(lambda: str(b'\xc3\xa9', 'utf-8'))
attempt(lambda: str(b'\xff', 'utf-8', 'replace'))
attempt(lambda: str(b'\xff', errors='replace'))
attempt(lambda: str(b'abc', encoding='latin-1'))
attempt(lambda: str(bytearray(b'ab'), 'ascii'))
attempt(lambda: str(encoding='utf-8'))
attempt(lambda: str(errors='strict'))
attempt(lambda: str('a', 'utf-8'))
attempt(lambda: str(1, 'utf-8'))
attempt(lambda: str([], 'utf-8'))
attempt(lambda: str(b'a', 'bogus'))
attempt(lambda: str(b'', 'bogus'))
attempt(lambda: str(bytearray(), 'bogus'))
attempt(lambda: str(b'a', 1))
attempt(lambda: str(b'a', 'utf-8', 1))
attempt(lambda: str(1, 2, 3, 4))
attempt(lambda: str(x=1))
attempt(lambda: str(b'\xff', 'utf-8'))
class WithStr:
    def __str__(self):
        return 'custom'
class BadStr:
    def __str__(self):
        return 42
class StrSub(str):
    pass
class ReturnsSub:
    def __str__(self):
        return StrSub('sub')
attempt(lambda: str(WithStr()))
attempt(lambda: str(BadStr()))
attempt(lambda: type(str(ReturnsSub())).__name__)
class MyStr(str):
    def __new__(cls, v, extra=''):
        return super().__new__(cls, str(v) + extra)
m = MyStr(5, '!')
print(m, type(m).__name__, len(m), m.upper(), type(m.upper()).__name__, m == '5!', isinstance(m, str))
print(MyStr('a') + 'b', type(MyStr('a') + 'b').__name__, repr(MyStr('q')), hash(MyStr('q')) == hash('q'))
class Tagged(str):
    tag = 'T'
t = Tagged(b'\xc3\xa9', 'utf-8')
print(ascii(t), type(t).__name__, t.tag, str.__str__(t), type(str.__str__(t)).__name__)
