# The io module: its names, the ABCs and registrations, UnsupportedOperation.
import io, _io
print(io.open is open, io.open is _io.open, open.__name__, repr(open))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(sorted(io.__all__))
print(io.UnsupportedOperation, io.UnsupportedOperation.__mro__)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.BlockingIOError is BlockingIOError)
for cls in [io.FileIO, io.BytesIO, io.StringIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair, io.TextIOWrapper]:
    print(cls.__name__, cls.__module__, cls.__qualname__, [b.__name__ for b in cls.__mro__],
          issubclass(cls, io.IOBase), issubclass(cls, io.RawIOBase), issubclass(cls, io.BufferedIOBase), issubclass(cls, io.TextIOBase))
print([c.__name__ for c in io.RawIOBase.__mro__], [c.__name__ for c in io.TextIOBase.__mro__])
print(io.IOBase.__module__, io.IOBase.__doc__ == _io._IOBase.__doc__, io.__doc__ == _io.__doc__)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.IOBase), isinstance(io.StringIO(), io.RawIOBase))
print(_io.text_encoding(None), _io.text_encoding('utf-8'), _io.text_encoding(None, 3))
try:
    _io.text_encoding()
except TypeError as e:
    print('TypeError', e)
try:
    io.open_code(5)
except TypeError as e:
    print('TypeError', e)
try:
    io.nothing
except AttributeError as e:
    print('AttributeError', e)
e = io.UnsupportedOperation('msg')
print(repr(e), str(e), e.args, e.errno)
try:
    io.BytesIO().fileno()
except OSError as e:
    print('caught as OSError', type(e).__name__, e)
try:
    io.StringIO().detach()
except ValueError as e:
    print('caught as ValueError', type(e).__name__, e)
print(_io.__name__, io.__name__, type(_io.FileIO.__dict__['read']).__name__)
print(_io.FileIO.read.__doc__)
print(_io.TextIOWrapper.__doc__[:70])
print(_io.BufferedReader.__text_signature__, _io.StringIO.__text_signature__)
print(_io.open.__text_signature__)
print(_io.TextIOWrapper.reconfigure.__text_signature__)
