# User-defined exception classes.
class MyError(Exception):
    pass

class WithInit(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b

class WithNew(Exception):
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)

class NoSuperInit(ValueError):
    def __init__(self, x):
        self.x = x

class StrOverride(KeyError):
    def __str__(self):
        return 'custom'

print(repr(MyError('m')), str(MyError('m')), MyError.__module__, MyError.__qualname__)
w = WithInit(1, 2)
print(repr(w), w.args, w.b)
n = WithNew(1, 2)
print(repr(n), n.args)
n2 = NoSuperInit(5)
print(repr(n2), n2.args, n2.x)
print(str(StrOverride('k')), repr(StrOverride('k')))
try:
    raise MyError('raised')
except Exception as e:
    print(type(e).__name__, e, isinstance(e, MyError))

class Outer:
    class Inner(LookupError):
        pass
print(repr(Outer.Inner('i')), Outer.Inner.__qualname__)

class Multi(ValueError, KeyError):
    pass
print([c.__name__ for c in Multi.__mro__], str(Multi('m')), repr(Multi('m')))
class Lay(OSError, ValueError):
    pass
print(repr(Lay(2, 'x')), str(Lay(2, 'x')))
try:
    class Bad(OSError, SyntaxError):
        pass
except TypeError as e:
    print('TypeError', e)
