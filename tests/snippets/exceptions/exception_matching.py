# except clauses match by class, tuples and the hierarchy.
def which(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup-pair ' + type(e).__name__
    except ArithmeticError as e:
        return 'arith ' + type(e).__name__
    except OSError as e:
        return 'os ' + type(e).__name__
    except Exception as e:
        return 'exception ' + type(e).__name__
    except BaseException as e:
        return 'base ' + type(e).__name__

for exc in [KeyError('k'), IndexError, ZeroDivisionError(), OverflowError, FileNotFoundError(2, 'x'),
            OSError(13, 'denied'), ValueError, UnicodeDecodeError('a', b'x', 0, 1, 'r'), KeyboardInterrupt,
            SystemExit(1), GeneratorExit(), ExceptionGroup('g', [ValueError()]),
            BaseExceptionGroup('b', [KeyboardInterrupt()]), StopIteration(1), RecursionError()]:
    print(which(exc))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise int
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError('inner')
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(ValueError(), Exception), isinstance(KeyboardInterrupt(), Exception))
