# open(): mode validation and the classes each mode gives.
P = '/tmp/pyrs-io-open_modes'

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

with open(P, 'w') as f:
    f.write('data\n')
for mode in ['rw', 'rr', 'rbt', 'U', 'rU', '', 'b', 't', '+', 'r+b+', 'wa', 'xw', 'z', 'r ', 'ww']:
    print(repr(mode), end=' ')
    t(open, P, mode)
t(open, P, 'rb', encoding='utf-8')
t(open, P, 'rb', errors='strict')
t(open, P, 'rb', newline='')
t(open, P, 'r', newline='x')
t(open, P, 'r', buffering=0)
t(open, P, 'rb', buffering=-5)
t(open, P, 'r', closefd=False)
for mode in ['r', 'rt', 'rb', 'r+', 'r+b', 'w', 'wb', 'w+', 'w+b', 'a', 'ab', 'a+', 'a+b']:
    f = open(P, mode)
    print(mode, type(f).__name__, f.mode, f.name, f.closed, f.readable(), f.writable(), f.seekable())
    if not 'b' in mode:
        print('  ', type(f.buffer).__name__, f.buffer.mode, f.buffer.raw.mode)
    else:
        print('  ', f.raw.mode)
    f.close()
    print('  closed', f.closed)
for mode in ['rb', 'r+b', 'wb', 'w+b', 'ab', 'a+b']:
    f = open(P, mode, buffering=0)
    print(mode, f, f.mode)
    f.close()
    print(f)
f = open(P, 'w')
print(f)
f.close()
print(f)
f = open(P, 'wb')
print(f, f.raw)
f.close()
print(f, f.raw)
try:
    open(P, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror, e.filename)
