# IncrementalNewlineDecoder used directly, with decoder=None.
import io

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

for translate in [True, False]:
    d = io.IncrementalNewlineDecoder(None, translate)
    out = [d.decode(s) for s in ['a\r', '\nb\r', 'c\n', '\r', '', 'd\r\n']]
    print(translate, out, repr(d.decode('', final=True)), d.newlines, d.getstate())
    d.decode('x\r')
    print('  ', d.getstate())
    d.setstate((b'', 0))
    print('  ', d.getstate(), repr(d.decode('y')))
    d.reset()
    print('  ', d.newlines, d.getstate())
d = io.IncrementalNewlineDecoder(None, True)
print(repr(d.decode('\r', True)), d.newlines)
t(d.decode, b'bytes')
t(d.setstate, 5)
t(d.setstate, (b'', 'x'))
t(io.IncrementalNewlineDecoder, None)
t(io.IncrementalNewlineDecoder, None, 'a')
u = io.IncrementalNewlineDecoder.__new__(io.IncrementalNewlineDecoder)
t(u.decode, 'x')
t(u.getstate)
t(getattr, u, 'newlines')
class Upper:
    def decode(self, data, final=False):
        return data.decode().upper()
    def getstate(self):
        return (b'', 3)
    def setstate(self, state):
        print('inner setstate', state)
    def reset(self):
        print('inner reset')
d = io.IncrementalNewlineDecoder(Upper(), translate=True)
print(repr(d.decode(b'ab\r\ncd\r')), d.getstate())
d.setstate((b'', 5))
d.reset()
class Bad:
    def decode(self, data, final=False):
        return 5
t(io.IncrementalNewlineDecoder(Bad(), True).decode, b'x')
for combo in ['\r', '\n', '\r\n', '\r\n\n', '\r\r\n', '\n\r\n', 'a\rb\nc\r\n']:
    d = io.IncrementalNewlineDecoder(None, False)
    d.decode(combo, True)
    print(repr(combo), d.newlines)
