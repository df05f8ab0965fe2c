# OSError.__reduce__, characters_written, and subclasses that define __init__.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(OSError(2, 'x', 'f').__reduce__())
print(OSError(2, 'x', 'f', None, 'g').__reduce__())
print(OSError(2, 'x').__reduce__())
print(OSError().__reduce__())
e = OSError(2, 'x', 'f')
e.extra = 1
print(e.__reduce__())
e = BlockingIOError(11, 'x', 5)
print(e.characters_written, e.args, repr(e), str(e), e.filename)
attempt(lambda: OSError(1, 'x').characters_written)
attempt(lambda: BlockingIOError(11, 'x').characters_written)
e = OSError(1, 'x')
e.characters_written = 3
print(e.characters_written)
del e.characters_written
attempt(lambda: delattr(e, 'characters_written'))
attempt(lambda: setattr(e, 'characters_written', 'a'))
attempt(lambda: setattr(e, 'characters_written', 10**30))
attempt(lambda: BlockingIOError(11, 'x', 10**30))
print(BlockingIOError(11, 'x', 'name.txt').filename)
attempt(lambda: OSError(1, 'x', foo=1))
attempt(lambda: PermissionError(foo=1))

class O2(OSError):
    def __init__(self, *args, **kwargs):
        pass
o = O2(1, foo=2)
print(repr(o), o.errno, o.args)
class O3(OSError):
    def __init__(self, a, b, **kwargs):
        super().__init__(a, b)
        self.kw = kwargs
o = O3(2, 'msg', extra=1)
print(repr(o), o.errno, o.strerror, o.kw, str(o), type(o).__name__)
class O4(OSError):
    def __new__(cls, *args):
        return super().__new__(cls, *args)
print(repr(O4(2, 'n')), O4(2, 'n').errno)
