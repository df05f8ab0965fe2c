# try/except* uses split and re-raises what is left (3.11).
def run(excs):
    try:
        try:
            raise ExceptionGroup('eg', excs)
        except* ValueError as e:
            print('ValueError part:', repr(e))
        except* TypeError as e:
            print('TypeError part:', repr(e))
    except BaseException as left:
        print('left over:', type(left).__name__, repr(left))
    else:
        print('all handled')

run([ValueError(1), TypeError(2)])
run([ValueError(1), KeyError(3)])
run([KeyError(3)])
run([ValueError(1), ExceptionGroup('inner', [TypeError(2), KeyError(4)])])

try:
    try:
        raise ValueError('naked')
    except* ValueError as e:
        print('wrapped:', repr(e), repr(e.exceptions[0]))
except Exception as e:
    print('unexpected', e)

try:
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('new')
except BaseException as e:
    print(type(e).__name__, repr(e))
    print([repr(x) for x in e.exceptions])

try:
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise
except BaseException as e:
    print('reraised:', repr(e))
