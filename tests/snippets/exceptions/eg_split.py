# BaseExceptionGroup.split with types, tuples and predicates.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ValueError(3)])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
print(eg.split(KeyError))
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print(repr(eg.split((ValueError, TypeError))))
print(repr(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] == 1)))
print(repr(eg.split(lambda e: False)))
print(eg.split(ExceptionGroup)[0] is eg)
attempt(lambda: eg.split(5))
attempt(lambda: eg.split(ValueError()))
attempt(lambda: eg.split((ValueError, 5)))
attempt(lambda: eg.split([ValueError]))
attempt(lambda: eg.split(len))
attempt(lambda: eg.split())
attempt(lambda: eg.split(ValueError, TypeError))
def boom(e):
    raise RuntimeError('predicate failed')
attempt(lambda: eg.split(boom))
beg = BaseExceptionGroup('b', [KeyboardInterrupt(), ValueError('v')])
m, r = beg.split(Exception)
print(repr(m), type(m).__name__, repr(r), type(r).__name__)
