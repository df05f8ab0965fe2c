# The args attribute: set from any iterable, never deleted.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = ValueError(1, 2)
print(e.args, type(e.args).__name__)
e.args = [3, 4]
print(e.args, type(e.args).__name__, repr(e), str(e))
e.args = 'ab'
print(e.args, str(e))
e.args = ()
print(repr(e), repr(str(e)))
e.args = (5,)
print(repr(e), str(e))
attempt(lambda: setattr(e, 'args', 5))
attempt(lambda: delattr(e, 'args'))
e.args = iter([7, 8, 9])
print(e.args)
class T(tuple): pass
e.args = T((1,))
print(type(e.args).__name__, e.args)
print(BaseException.args.__class__.__name__)
