# Large reads and writes across many buffer refills, in every layer.
P = '/tmp/pyrs-io-large_file'

lines = ['%06d %s\n' % (i, 'x' * (i % 37)) for i in range(20000)]
with open(P, 'w') as f:
    for l in lines:
        f.write(l)
with open(P) as f:
    got = f.readlines()
print(len(got), got == lines, got[12345])
with open(P) as f:
    total = 0
    for l in f:
        total += len(l)
print(total, sum(map(len, lines)))
with open(P, 'rb') as f:
    data = f.read()
print(len(data), data.count(b'\n'))
with open(P, 'rb') as f:
    chunks = []
    while True:
        c = f.read(4096 + 7)
        if not c:
            break
        chunks.append(c)
print(len(chunks), b''.join(chunks) == data)
with open(P, 'rb', buffering=0) as f:
    print(len(f.readall()), len(f.read()))
with open(P, 'r+b') as f:
    f.seek(500000)
    f.write(b'#' * 10)
    f.seek(499995)
    print(f.read(20))
    f.seek(0, 2)
    end = f.tell()
    f.write(b'tail')
    print(end, f.tell())
with open(P) as f:
    f.seek(0, 2)
    pos = f.tell()
    print(pos)
with open(P, encoding='latin-1') as f:
    text = f.read()
print(len(text), text[-12:])
with open(P, 'w') as f:
    f.write('é' * 100000)
with open(P, 'rb') as f:
    print(len(f.read()))
with open(P) as f:
    s = f.read(50001)
    print(len(s), f.tell(), len(f.read()))
