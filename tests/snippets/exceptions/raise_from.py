# Chaining set by the interpreter: implicit context, explicit cause, from None.
def show(e):
    print(type(e).__name__, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('second')
except ValueError as e:
    show(e)

try:
    try:
        {}['k']
    except KeyError as k:
        raise RuntimeError('explicit') from k
except RuntimeError as e:
    show(e)

try:
    try:
        [][1]
    except IndexError:
        raise TypeError('quiet') from None
except TypeError as e:
    show(e)

try:
    raise OSError(2, 'nope') from ValueError('why')
except OSError as e:
    show(e)
    print(type(e).__name__)

try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
