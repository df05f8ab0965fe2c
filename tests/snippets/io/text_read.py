# TextIOWrapper reading: read(n), readline(limit), iteration, universal newlines and
# each newline= setting, newlines attribute.
P = '/tmp/pyrs-io-text_read'

with open(P, 'wb') as f:
    f.write(b'one\ntwo\r\nthree\rfour\r\n\rfive\n\nsix')
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(P, newline=nl) as f:
        print(repr(nl), repr(f.read()), repr(f.newlines))
    with open(P, newline=nl) as f:
        print('   lines', [l for l in f], repr(f.newlines))
    with open(P, newline=nl) as f:
        print('   readlines', f.readlines())
    with open(P, newline=nl) as f:
        out = []
        while True:
            s = f.read(4)
            if not s:
                break
            out.append(s)
        print('   read(4)', out)
    with open(P, newline=nl) as f:
        print('   limits', [f.readline(n) for n in (2, 0, 5, 100, 3, -1, 1, 1, 1)])
with open(P) as f:
    print(repr(f.readline()), repr(f.read(3)), repr(f.readline()), repr(f.read()))
    print(repr(f.read()), repr(f.readline()))
with open(P) as f:
    print(f.readlines(5))
    print(f.readlines(1))
    print(f.readlines(0))
with open(P, 'w') as f:
    f.write('')
with open(P) as f:
    print(repr(f.read()), repr(f.readline()), list(f), f.newlines)
with open(P, 'wb') as f:
    f.write(b'a\r')
with open(P) as f:
    print(repr(f.read(1)), repr(f.read(1)), repr(f.read()))
with open(P, newline='') as f:
    print(repr(f.readline()), repr(f.readline()))
with open(P, 'wb') as f:
    f.write(b'x' * 10000 + b'\r\n' + b'y' * 9000 + b'\r' + b'\nz')
with open(P) as f:
    lines = f.readlines()
    print([len(l) for l in lines], [l[-2:] for l in lines], f.newlines)
with open(P, newline='') as f:
    lines = f.readlines()
    print([len(l) for l in lines], [l[-2:] for l in lines], f.newlines)
with open(P, newline='\r') as f:
    lines = f.readlines()
    print([len(l) for l in lines], [l[-2:] for l in lines])
