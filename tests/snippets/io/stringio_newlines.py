# StringIO's newline argument: translation on write and universal newlines on read.
import io
text = 'a\nb\r\nc\rd\r\n\re'
for nl in ['\n', None, '', '\r', '\r\n']:
    s = io.StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))
    s = io.StringIO(newline=nl)
    s.write('x\r')
    s.write('\ny\n')
    print('   ', repr(s.getvalue()), repr(s.newlines))
    s.seek(0)
    print('   ', [s.readline() for _ in range(4)])
    print('   ', s.__getstate__())
