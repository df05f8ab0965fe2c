# add_note and __notes__ (3.11).
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = ValueError('x')
print(hasattr(e, '__notes__'))
print(e.add_note('first'))
e.add_note('second')
print(e.__notes__, type(e.__notes__).__name__)
attempt(lambda: e.add_note(1))
attempt(lambda: e.add_note(b'bytes'))
attempt(lambda: e.add_note())
class S(str): pass
e.add_note(S('sub'))
print(e.__notes__)
e.__notes__ = ('tuple',)
attempt(lambda: e.add_note('x'))
del e.__notes__
print(hasattr(e, '__notes__'))
e.add_note('again')
print(e.__notes__, e.__dict__)
print('__notes__' in BaseException.__dict__)
