# Text files opened for update: reads, writes and seeks through a BufferedRandom.
P = '/tmp/pyrs-io-text_rplus'

def contents():
    with open(P, 'rb') as g:
        return g.read()

with open(P, 'w') as f:
    f.write('0123456789\nabcdefghij\n')
with open(P, 'r+') as f:
    print(repr(f.read(3)), f.tell())
    f.write('XY')
    print(f.tell())
print(contents())
with open(P, 'r+') as f:
    f.seek(4)
    f.write('--')
    f.seek(0)
    print(repr(f.readline()), f.tell(), repr(f.read()))
print(contents())
with open(P, 'a+') as f:
    print(f.tell())
    f.write('appended\n')
    print(f.tell())
    f.seek(0)
    print(repr(f.readline()))
    f.write('more\n')
print(contents())
with open(P, 'w+', newline='\r\n') as f:
    f.write('a\nb\n')
    print(f.tell())
    f.seek(0)
    print(repr(f.read()), f.newlines)
print(contents())
with open(P, 'w+', encoding='utf-16') as f:
    f.write('hi')
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
    f.seek(0, 2)
    f.write('!')
    f.seek(0)
    print(repr(f.read()))
print(contents())
with open(P, 'w+', encoding='utf-8-sig') as f:
    f.write('sig')
    f.seek(0)
    print(repr(f.read()), f.tell())
print(contents())
with open(P, 'rb+') as f:
    f.seek(3)
    f.write(b'Z')
    print(f.read(2), f.tell())
    f.seek(-1, 1)
    print(f.read())
print(contents())
