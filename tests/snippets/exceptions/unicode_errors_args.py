# Argument checking of the Unicode error constructors.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: UnicodeDecodeError('utf-8', 'str', 0, 1, 'x'))
attempt(lambda: UnicodeDecodeError('utf-8', b'x', 0, 1))
attempt(lambda: UnicodeDecodeError(1, b'x', 0, 1, 'r'))
attempt(lambda: UnicodeDecodeError('u', b'x', 0, 1, 2))
attempt(lambda: UnicodeDecodeError('u', 5, 0, 1, 'r'))
attempt(lambda: UnicodeEncodeError('a', b'x', 0, 1, 'r'))
attempt(lambda: UnicodeEncodeError('a', 'x', 'a', 1, 'r'))
attempt(lambda: UnicodeEncodeError('a', 'x', 0, 1, 2))
attempt(lambda: UnicodeEncodeError('a', 'x', 0, 1.5, 'r'))
attempt(lambda: UnicodeEncodeError('ascii', 'hab', 10**30, 1, 'x'))
attempt(lambda: UnicodeEncodeError('ascii', 'hab', 1, 2, 'x', y=2))
attempt(lambda: UnicodeEncodeError())
attempt(lambda: UnicodeTranslateError('a', 'x', 0, 1))
attempt(lambda: UnicodeTranslateError(b'a', 0, 1, 'r'))
attempt(lambda: UnicodeTranslateError('a', 0, 1))
for cls in [UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError]:
    e = cls.__new__(cls)
    print(repr(str(e)), e.start, e.end, e.encoding, e.object, e.reason, e.args)
class Idx:
    def __index__(self):
        return 1
print(UnicodeEncodeError('a', 'xy', Idx(), 2, 'r').start)
