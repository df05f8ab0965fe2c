# open(): argument conversion errors, file arguments and path-like objects.
P = '/tmp/pyrs-io-open_args'

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

with open(P, 'w') as f:
    f.write('x')
t(open, [])
t(open, 3.5)
t(open, None)
t(open, P, 5)
t(open, P, 'r', newline=5)
t(open, P, 'r', encoding=5)
t(open, P, 'r', errors=5)
t(open, P, 'r', buffering='a')
t(open, P, 'r', buffering=1.5)
t(open, P, 'r', buffering=2**40)
t(open, P, 'r\0')
t(open, P, encoding='a\0')
t(open, P, closefd='a')
t(open, P, foo=1)
t(open)
t(open, P, 'r', -1, None, None, None, True, None, 5)
t(open, '/tmp/pyrs-io-nonexistent-dir/x')
t(open, '/tmp')
t(open, -1)
t(open, 2**40)
t(open, 'a\0b')
t(open, P, 'r', opener=5)
t(open, P, 'r', opener=lambda p, f: -1)
t(open, P, 'r', opener=lambda p, f: 'a')
t(open, P, 'r', encoding='nope')
t(open, P, 'r', encoding='hex')

class PathLike:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p

f = t(open, PathLike(P))
print(f.name, f.read())
f.close()
f = t(open, PathLike(P.encode()))
print(f.name, f.read())
f.close()
class BadPath:
    def __fspath__(self):
        return 5
t(open, BadPath())
f = open(file=P, mode='rb', buffering=0)
print(f, f.readall())
f.close()
f = open(P.encode(), 'rb')
print(f.name, f.read())
f.close()
