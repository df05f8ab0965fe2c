# tell()/seek() with a tiny chunk size, so that chunks split multi-byte characters
# and \r\n pairs: the cookies carry decoder state (CPython's exact values).
P = '/tmp/pyrs-io-text_tell_chunks'

text = 'aé€\r\nb𝄞c\rd\r\ne' * 3 + 'ﬀ'
with open(P, 'w', encoding='utf-8', newline='') as f:
    f.write(text)
for nl in [None, '']:
    for size in [1, 2, 3, 5]:
        with open(P, encoding='utf-8', newline=nl) as f:
            f._CHUNK_SIZE = size
            cookies = []
            chars = []
            while True:
                cookies.append(f.tell())
                c = f.read(1)
                if not c:
                    break
                chars.append(c)
            print(repr(nl), size, cookies)
            back = []
            for c in cookies:
                f.seek(c)
                back.append(f.read(2))
            print('   ', ''.join(chars) == f.seek(0) or ''.join(chars), back[:10])
    with open(P, encoding='utf-8', newline=nl) as f:
        f._CHUNK_SIZE = 2
        out = []
        while True:
            pos = f.tell()
            line = f.readline()
            if not line:
                break
            out.append((pos, line))
        print(out)
        for pos, line in out:
            f.seek(pos)
            assert f.readline() == line, (pos, line)
        print('lines ok')
with open(P, encoding='utf-8') as f:
    print(f._CHUNK_SIZE)
    for bad in [0, -1, 'a']:
        try:
            f._CHUNK_SIZE = bad
        except Exception as e:
            print(type(e).__name__, e)
    try:
        del f._CHUNK_SIZE
    except Exception as e:
        print(type(e).__name__, e)
