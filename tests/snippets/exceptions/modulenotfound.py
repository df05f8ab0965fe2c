# ModuleNotFoundError shares ImportError's layout and keywords.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = ModuleNotFoundError("No module named 'x'", name='x')
print(repr(e), str(e), e.name, e.path, e.msg, e.__reduce__())
attempt(lambda: ModuleNotFoundError('x', foo=1))
print([c.__name__ for c in ModuleNotFoundError.__mro__])
print(isinstance(e, ImportError), ModuleNotFoundError.__doc__)
class MyImp(ModuleNotFoundError):
    pass
m = MyImp('m', path='/p')
print(repr(m), m.path, str(m))
