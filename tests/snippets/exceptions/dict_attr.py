# Exceptions have an instance __dict__ (tp_dictoffset) and accept attributes.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = ValueError('x')
print(e.__dict__)
e.foo = 1
e.bar = 'b'
print(e.__dict__, e.foo)
del e.foo
attempt(lambda: e.foo)
attempt(lambda: delattr(e, 'foo'))
attempt(lambda: setattr(e, '__dict__', 5))
attempt(lambda: delattr(e, '__dict__'))
e.__dict__ = {'z': 26}
print(e.z, e.__dict__)
print(vars(KeyError('k')))
o = OSError(1, 'x')
o.custom = True
print(o.custom, o.__dict__)
print(BaseException.__dictoffset__ > 0, ValueError.__dictoffset__ == BaseException.__dictoffset__)
attempt(lambda: e.missing)
try:
    e.missing
except AttributeError as err:
    print(err.name, err.obj is e)
class Sub(ValueError):
    __slots__ = ('s',)
s = Sub('q')
s.s = 1
s.other = 2
print(s.s, s.other, s.__dict__)
