# __cause__, __context__ and __suppress_context__ as attributes.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = ValueError('v')
print(e.__cause__, e.__context__, e.__suppress_context__)
attempt(lambda: setattr(e, '__cause__', 5))
attempt(lambda: setattr(e, '__context__', 5))
attempt(lambda: setattr(e, '__cause__', KeyError))
attempt(lambda: delattr(e, '__cause__'))
attempt(lambda: delattr(e, '__context__'))
attempt(lambda: setattr(e, '__suppress_context__', 1))
attempt(lambda: delattr(e, '__suppress_context__'))
e.__context__ = KeyError('ctx')
print(repr(e.__context__), e.__suppress_context__)
e.__cause__ = TypeError('cause')
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.__context__ = None
print(e.__context__)
print(type(BaseException.__dict__['__suppress_context__']).__name__)
print(type(BaseException.__dict__['__cause__']).__name__)
