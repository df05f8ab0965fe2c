# Subclassing every built-in exception: the subclass keeps the base's behaviour and gets
# a __dict__ and a __weakref__.
import builtins

names = sorted(
    n for n in dir(builtins)
    if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)
)
for n in names:
    base = getattr(builtins, n)
    sub = type('My' + n, (base,), {'extra': 1})
    args = ('m', [ValueError('x')]) if issubclass(base, BaseExceptionGroup) else (1, 'two')
    try:
        e = sub(*args)
    except Exception as err:
        print(n, '!!', type(err).__name__, err)
        continue
    e.attr = 'set'
    print(n, type(e).__name__, repr(e), repr(str(e)), e.args, e.attr, e.extra,
          sub.__dictoffset__ == base.__dictoffset__, sub.__weakrefoffset__ > 0,
          '__weakref__' in sub.__dict__)
