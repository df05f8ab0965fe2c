# __reduce__ and __setstate__ of BaseException.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = ValueError(1, 'two')
print(e.__reduce__())
e.extra = 3
print(e.__reduce__())
print(KeyError().__reduce__())
e2 = ValueError()
print(e2.__setstate__({'a': 1, 'b': [2]}), e2.a, e2.b)
print(e2.__setstate__(None))
attempt(lambda: e2.__setstate__(5))
attempt(lambda: e2.__setstate__([('a', 1)]))
cls, args, state = e.__reduce__()
copy = cls(*args)
copy.__setstate__(state)
print(repr(copy), copy.extra)
