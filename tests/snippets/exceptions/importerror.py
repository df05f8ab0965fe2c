# ImportError: msg, name, path, keyword arguments, __str__ and __reduce__.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

cases = [((), {}), (('m',), {}), (('m',), {'name': 'n'}), (('m', 1), {'name': 'n', 'path': 'p'}),
         ((), {'name': 'n'}), ((1,), {}), (('m',), {'name': None}), ((), {'path': 'p'})]
for args, kw in cases:
    e = ImportError(*args, **kw)
    print(repr(e), '|', str(e), '|', e.msg, e.name, e.path, e.args, e.__reduce__())
attempt(lambda: ImportError(foo=1))
attempt(lambda: ImportError('x', name=1, name2=2))
attempt(lambda: ImportError('x', name=1, path=2, other=3))
e = ImportError('a')
e.msg = 'b'
print(str(e), e.args)
e = ImportError('a', 'b')
print(str(e), e.msg)
e = ImportError()
e.msg = 5
print(repr(str(e)))
e = ImportError('x', name='n')
e.extra = 1
print(e.__reduce__())
class S(str): pass
print(str(ImportError(S('sub'))))
try:
    import this_module_does_not_exist_anywhere
except ImportError as err:
    print(type(err).__name__, err, err.name, err.path)
try:
    from sys import no_such_name_here
except ImportError as err:
    print(type(err).__name__, err, err.name)
