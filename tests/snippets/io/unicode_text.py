# Reading text counts characters, not bytes; readline limits in characters.
import io
P = '/tmp/pyrs-io-unicode_text'

text = 'aé€𝄞\nΩmega ünïcode\n日本語テキスト\n'
with open(P, 'w', encoding='utf-8') as f:
    print(f.write(text))
with open(P, 'rb') as f:
    print(len(f.read()))
with open(P, encoding='utf-8') as f:
    print([f.read(1) for _ in range(6)])
    print(repr(f.readline(3)), repr(f.readline(100)), repr(f.readline(2)))
    print(repr(f.read()))
for size in [1, 2, 3, 4, 7]:
    with open(P, encoding='utf-8') as f:
        f._CHUNK_SIZE = size
        parts = []
        while True:
            p = f.read(2)
            if not p:
                break
            parts.append(p)
        print(size, ''.join(parts) == text, len(parts))
s = io.StringIO(text)
print(s.read(4), s.tell(), s.readline(), s.seek(4), repr(s.read(1)))
b = io.TextIOWrapper(io.BytesIO(text.encode('utf-16')), encoding='utf-16')
print(b.read() == text)
b = io.TextIOWrapper(io.BytesIO(text.encode('utf-32-be')), encoding='utf-32-be')
print(b.readline(), b.read(3))
with open(P, 'w', encoding='latin-1', errors='xmlcharrefreplace') as f:
    f.write(text)
print(open(P, 'rb').read())
with open(P, 'w', encoding='ascii', errors='namereplace') as f:
    f.write('é€')
print(open(P, 'rb').read())
