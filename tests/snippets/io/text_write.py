# TextIOWrapper writing: newline translation, line_buffering, write_through, pending
# bytes and buffer interplay, return values.
import io
P = '/tmp/pyrs-io-text_write'

def contents():
    with open(P, 'rb') as g:
        return g.read()

for nl in [None, '', '\n', '\r', '\r\n']:
    with open(P, 'w', newline=nl) as f:
        print(repr(nl), f.write('a\nb\r\nc\rd'), f.write(''), f.write('\n'))
    print('  ', contents())
f = open(P, 'w')
f.write('abc')
print(contents(), f.buffer.tell(), f.tell())
f.flush()
print(contents())
f.write('x' * 9000)
print(len(contents()))
f.close()
print(len(contents()))
f = open(P, 'w', buffering=1)
print(f.line_buffering, f.write_through)
f.write('no newline')
print(contents())
f.write(' then\nmore')
print(contents())
f.write('\r')
print(contents())
f.close()
f = io.TextIOWrapper(open(P, 'wb'), write_through=True)
print(f.line_buffering, f.write_through, f.encoding)
f.write('abc')
print(contents())
f.close()
f = io.TextIOWrapper(io.BytesIO(), newline='\r\n', line_buffering=True)
f.write('x\ny\n')
print(f.buffer.getvalue())
f = io.TextIOWrapper(io.BytesIO())
print(f.write('héllo €\n'), f.buffer.getvalue())
f.flush()
print(f.buffer.getvalue(), f.tell())
try:
    f.write(b'bytes')
except TypeError as e:
    print('TypeError', e)
try:
    f.write(5)
except TypeError as e:
    print('TypeError', e)
f.writelines(['a', 'b\n'])
f.flush()
print(f.buffer.getvalue())
try:
    f.writelines([1])
except TypeError as e:
    print('TypeError', e)
r = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b'abc')))
try:
    r.write('x')
except Exception as e:
    print(type(e).__name__, e)
w = io.TextIOWrapper(io.BufferedWriter(io.BytesIO()))
try:
    w.read()
except Exception as e:
    print(type(e).__name__, e)
try:
    w.readline()
except Exception as e:
    print(type(e).__name__, e)
