# TextIOWrapper tell()/seek() cookies, including multi-byte characters, universal
# newlines and the decoder state.
P = '/tmp/pyrs-io-text_tell_seek'

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

with open(P, 'w', encoding='utf-8') as f:
    f.write('héllo wörld\n€uro line\r\nthird\rfourth\n' + 'z' * 100)
for enc in ['utf-8', 'latin-1']:
    with open(P, encoding=enc) as f:
        cookies = []
        while True:
            cookies.append(f.tell())
            c = f.read(3)
            if not c:
                break
        print(enc, cookies[:12], cookies[-1])
        texts = []
        for c in cookies[:12]:
            f.seek(c)
            texts.append(f.read(3))
        print('  ', texts)
with open(P) as f:
    f.readline()
    pos = f.tell()
    second = f.readline()
    f.seek(pos)
    print(pos, repr(second), repr(f.readline()), f.tell())
    f.seek(0)
    print(repr(f.read(2)), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    t(f.seek, 1, 1)
    t(f.seek, 3, 2)
    t(f.seek, 0, 3)
    t(f.seek, -1)
    t(f.seek, 'a')
    t(f.seek, 2**200)
    print(f.seek(0, 1) == f.tell())
with open(P) as f:
    for line in f:
        t(f.tell)
        break
    for line in f:
        pass
    print(f.tell())
with open(P, 'w+') as f:
    print(f.write('abc\ndef\n'), f.tell())
    f.seek(0)
    print(repr(f.readline()), f.tell())
    f.seek(0, 2)
    print(f.write('ghi'), f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(P, 'w+', newline='') as f:
    f.write('a\r\nb\rc\n')
    f.seek(0)
    print([(f.tell(), f.readline()) for _ in range(4)])
