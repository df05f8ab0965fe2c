# Every built-in exception built with a few argument shapes: repr, str and args (or the
# error the constructor raises).
import builtins

names = sorted(
    n for n in dir(builtins)
    if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)
)
shapes = [(), ('a',), (1, 'b'), (2, 'c', 'f'), ('m', ('f', 1, 2, 't'))]
for n in names:
    cls = getattr(builtins, n)
    for args in shapes:
        try:
            e = cls(*args)
            print(n, args, '->', type(e).__name__, repr(e), repr(str(e)), e.args)
        except Exception as err:
            print(n, args, '!!', type(err).__name__, err)
