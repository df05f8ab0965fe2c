# __traceback__ and with_traceback.
import sys

def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = ValueError('x')
print(e.__traceback__)
attempt(lambda: setattr(e, '__traceback__', 5))
attempt(lambda: delattr(e, '__traceback__'))
attempt(lambda: e.with_traceback(5))
attempt(lambda: e.with_traceback())
print(e.with_traceback(None) is e, e.__traceback__)
try:
    raise KeyError('k')
except KeyError as caught:
    tb = caught.__traceback__
    print(type(tb).__name__, tb.tb_lineno > 0)
    e.__traceback__ = tb
    print(e.__traceback__ is tb)
    e2 = TypeError().with_traceback(tb)
    print(e2.__traceback__ is tb)
e.__traceback__ = None
print(e.__traceback__)
