# Every operation on closed raw, buffered and text files: CPython's messages.
P = '/tmp/pyrs-io-closed_files'

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

open(P, 'w').close()
f = open(P, 'rb', buffering=0)
f.close()
for m in ['read', 'readall', 'readinto', 'write', 'seek', 'tell', 'truncate', 'isatty', 'readable', 'writable', 'seekable', 'fileno', 'flush', 'readline', 'readlines', '__enter__', '__iter__', '__next__', 'close']:
    args = {'readinto': (bytearray(2),), 'write': (b'',), 'seek': (0,)}.get(m, ())
    print('raw', m, end=' ')
    t(getattr(f, m), *args)
print(f.closed, f.closefd, f.mode, f.name)
f = open(P, 'rb')
f.close()
for m in ['read', 'read1', 'readinto', 'readinto1', 'peek', 'seek', 'tell', 'truncate', 'isatty', 'readable', 'writable', 'seekable', 'fileno', 'flush', 'readline', 'readlines', '__enter__', '__iter__', '__next__', 'detach', 'write', 'close']:
    args = {'readinto': (bytearray(2),), 'readinto1': (bytearray(2),), 'write': (b'',), 'seek': (0,)}.get(m, ())
    print('reader', m, end=' ')
    t(getattr(f, m), *args)
f = open(P, 'wb')
f.close()
for m in ['write', 'seek', 'tell', 'truncate', 'flush', 'detach', 'fileno', 'isatty', 'readable', 'writable', 'seekable', 'read', 'readline', 'close']:
    args = {'write': (b'',), 'seek': (0,)}.get(m, ())
    print('writer', m, end=' ')
    t(getattr(f, m), *args)
f = open(P, 'r+b')
f.close()
for m in ['write', 'read', 'read1', 'peek', 'readline', 'seek', 'tell', 'truncate', 'flush']:
    args = {'write': (b'',), 'seek': (0,)}.get(m, ())
    print('random', m, end=' ')
    t(getattr(f, m), *args)
f = open(P, 'w')
f.close()
for m in ['write', 'read', 'readline', 'seek', 'tell', 'truncate', 'flush', 'fileno', 'isatty', 'readable', 'writable', 'seekable', '__iter__', '__next__', 'detach', 'reconfigure', 'close']:
    args = {'write': ('',), 'seek': (0,)}.get(m, ())
    print('text', m, end=' ')
    t(getattr(f, m), *args)
print(f.closed, f.name, f.encoding, f.errors, f.newlines, f.line_buffering)
print(f)
