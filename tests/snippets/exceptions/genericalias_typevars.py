# Substituting type variables in aliases and unions.
import typing

def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

T = typing.TypeVar('T')
S = typing.TypeVar('S')
print(list[T], list[T].__parameters__, list[T][int], dict[T, list[S]][str, int], dict[T, list[S]].__parameters__)
print(dict[T, T].__parameters__, dict[T, T][int], list[list[T]][str], tuple[T, ...][int])
attempt(lambda: list[T][int, str])
attempt(lambda: dict[T, S][int])
attempt(lambda: list[int][str])
print(int | T, (int | T).__parameters__)
print((int | list[T])[str], (list[T] | dict[str, S]).__parameters__, (list[T] | dict[str, S])[int, float])
attempt(lambda: (int | list[T])[str, int])
print(typing.List[int] | None, int | typing.Any, list[typing.List[T]][int])

print(tuple[T, ...].__parameters__)
