# The kinds of descriptors exceptions expose, and what assigning to them does.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for cls, names in [(BaseException, ['args', '__traceback__', '__context__', '__cause__', '__suppress_context__', '__dict__']),
                   (OSError, ['errno', 'strerror', 'filename', 'filename2', 'characters_written']),
                   (SyntaxError, ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line']),
                   (ImportError, ['msg', 'name', 'path']), (StopIteration, ['value']), (SystemExit, ['code']),
                   (NameError, ['name']), (AttributeError, ['name', 'obj']),
                   (UnicodeEncodeError, ['encoding', 'object', 'start', 'end', 'reason']),
                   (BaseExceptionGroup, ['message', 'exceptions'])]:
    for n in names:
        d = cls.__dict__[n]
        print(cls.__name__, n, type(d).__name__, d.__name__, d.__objclass__.__name__)
print(sorted(k for k in BaseException.__dict__))
print(sorted(k for k in OSError.__dict__ if k not in ('__new__',)))
e = OSError(1, 'x')
e.errno = 5
e.strerror = None
print(e.errno, e.strerror, str(e))
del e.errno
print(e.errno)
s = StopIteration(1)
del s.value
print(s.value)
attempt(lambda: OSError.errno.__get__(ValueError()))
attempt(lambda: OSError.__dict__['characters_written'].__get__(ValueError()))
attempt(lambda: BaseException.__dict__['args'].__get__(5))
attempt(lambda: BaseException.__dict__['args'].__set__(5, ()))
attempt(lambda: BaseException.with_traceback(5, None))
attempt(lambda: BaseException.__str__(5))
attempt(lambda: BaseException.__repr__(ValueError('r')))
