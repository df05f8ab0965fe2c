# compile()'s filename goes through PyUnicode_FSDecoder.
import pathlib
import warnings

print(compile('1', pathlib.PurePosixPath('a/b.py'), 'exec').co_filename)
print(compile('1', b'bytes.py', 'exec').co_filename)

class P:
    def __fspath__(self):
        return 'from_fspath.py'

print(compile('1', P(), 'eval').co_filename)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(compile('1', bytearray(b'ba.py'), 'exec').co_filename)
    print([(x.category.__name__, str(x.message)) for x in w])
for bad in (1, None, 'a\0b'):
    try:
        compile('1', bad, 'exec')
    except Exception as e:
        print(type(e).__name__, e)

class Bad:
    def __fspath__(self):
        return 1

try:
    compile('1', Bad(), 'exec')
except TypeError as e:
    print('TypeError', e)
