# repr() and str() of plain exceptions with various arguments.
cases = [(), (1,), ('x',), (1, 2), ('a', 'b', 'c'), ([1, 2],), ((1,),), (None,), ('',), ('é\u1234',)]
for cls in [BaseException, Exception, ValueError, TypeError, RuntimeError, ZeroDivisionError, Warning]:
    for args in cases:
        e = cls(*args)
        print(repr(e), '|', str(e), '|', e.args)
print(str(ValueError(ValueError('inner'))), repr(ValueError(ValueError('inner'))))
print(f"{ValueError('fmt')}", format(KeyError('k')), '%s' % TypeError('pct'))
class Weird:
    def __repr__(self): return 'WEIRD'
    def __str__(self): return 'weird'
print(repr(ValueError(Weird())), str(ValueError(Weird())), str(ValueError(Weird(), 1)))
