# Keyword arguments are refused by __init__ (but not by __new__).
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for cls in [BaseException, Exception, ValueError, KeyError, StopIteration, SystemExit, OSError,
            FileNotFoundError, SyntaxError, UnicodeError, BaseExceptionGroup]:
    attempt(lambda: cls(x=1))
attempt(lambda: BaseException.__new__(ValueError, x=1))
attempt(lambda: ValueError.__init__(ValueError(), x=1))
attempt(lambda: ValueError.__new__(int))
attempt(lambda: ValueError.__new__(KeyError))
attempt(lambda: ValueError.__new__())
class Mine(Exception):
    pass
attempt(lambda: Mine(1, key=2))
class Kw(Exception):
    def __init__(self, a, key=None):
        super().__init__(a)
        self.key = key
k = Kw(1, key=2)
print(repr(k), k.args, k.key)
