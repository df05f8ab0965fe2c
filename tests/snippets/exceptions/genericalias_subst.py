# Type-variable substitution with stand-ins for typing.TypeVar (the protocol is the
# __typing_subst__ family of hooks, so no typing import is needed).
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class TV:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return '~' + self.name
    def __typing_subst__(self, arg):
        return arg

class Doubling(TV):
    # A parameter whose substitution wraps the argument.
    def __typing_subst__(self, arg):
        return list[arg]

class Preparing(TV):
    def __typing_prepare_subst__(self, alias, args):
        print('prepare', alias, args)
        return args + (float,) if len(args) == 1 else args

T, S, D, P = TV('T'), TV('S'), Doubling('D'), Preparing('P')
print(list[T], list[T].__parameters__, list[T][int])
print(dict[T, list[S]].__parameters__, dict[T, list[S]][str, int], dict[T, T].__parameters__, dict[T, T][int])
print(list[list[T]][str], tuple[T, ...][int], list[D][int], dict[T, D][int, str])
print(dict[P, S][int])
attempt(lambda: list[T][int, str])
attempt(lambda: dict[T, S][int])
attempt(lambda: list[int][str])
attempt(lambda: list[T][()])
print((int | list[T]).__parameters__, (int | list[T])[str], (list[T] | dict[str, S])[int, float])
attempt(lambda: (int | list[T])[str, int])
attempt(lambda: int | T)
print(list[T][int].__parameters__, list[T] == list[T], list[T][int] == list[int])
g = list[T]
print(g.__parameters__ is g.__parameters__)
class NotAVar:
    __parameters__ = 'not a tuple'
print(list[NotAVar()].__parameters__ if False else list[int, NotAVar].__parameters__)
class Params:
    __parameters__ = (T, S, T)
    def __getitem__(self, item):
        return ('subscripted', item)
    def __repr__(self):
        return 'Params()'
print(list[Params()].__parameters__, list[Params()][int, str])
print(*list[T], list[T].__unpacked__, next(iter(list[T]))[int])
