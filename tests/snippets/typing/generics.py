# typing generics: TypeVar/ParamSpec/TypeVarTuple, Generic subclasses, substitution,
# the collection aliases, and their reprs and errors.
import typing
from typing import (Any, Callable, Dict, Generic, List, Optional, ParamSpec, Tuple,
                    TypeVar, TypeVarTuple, Union, Unpack, Concatenate, Literal)

T = TypeVar('T')
S = TypeVar('S', int, str)
B = TypeVar('B', bound=float)
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
P = ParamSpec('P')
Ts = TypeVarTuple('Ts')

print(T, S, B, T_co, T_contra, P, Ts, P.args, P.kwargs)
print(T.__name__, S.__constraints__, B.__bound__, T_co.__covariant__, T.__module__)
print(P.args.__origin__ is P, P.args == P.args, P.kwargs == P.args)


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item


class Pair(Generic[T, S]):
    pass


class Row(Generic[Unpack[Ts]]):
    pass


class Fn(Generic[P, T]):
    pass


print(Box.__parameters__, Pair.__parameters__, Row.__parameters__)
print(Box[int], Pair[int, str], Row[int, str, bytes], Row[()], Fn[[int, str], bool])
print(Box[int].__origin__ is Box, Box[int].__args__, Box[T].__parameters__)
b = Box[int](3)
print(b.item, b.__orig_class__)
print(Box[List[T]][str], Dict[T, List[S]][bytes, int], Fn[..., int], Fn[int, str])
print(List[int], Dict[str, Tuple[int, ...]], Tuple[()], Tuple[int, str])
print(Callable[[int, str], bool], Callable[..., None], Callable[P, T][[int], str])
print(Callable[Concatenate[int, P], T], Callable[Concatenate[int, P], T][[str], bool])
print(Union[int, str], Optional[int], Union[int, None, str], Union[int], Union[int, int])
print(Union[int, str] == Union[str, int], int | List[int], List[int] | None)
print(Literal[1, 'a', True], Literal[1] == Literal[True], Literal[1, 2] == Literal[2, 1])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]),
      typing.get_args(Callable[[int], str]), typing.get_origin(Union[int, str]))
print(typing.get_args(Row[int, str]), typing.get_origin(P.kwargs) is P)
print(typing.Pattern[str], typing.Match[bytes], typing.Type[int], typing.AnyStr)
print(List.__name__, List[int].__name__, typing.Mapping, typing.DefaultDict[str, int])
print(isinstance([], List), issubclass(list, typing.Sequence), issubclass(dict, typing.Mapping))
print(hash(List[int]) == hash(List[int]), List[int] == List[int], List[int] == list[int])


class Concrete(Box[int]):
    pass


print(Concrete.__orig_bases__, Concrete.__mro__, Concrete.__parameters__)

errors = [
    lambda: Box[int, str],
    lambda: Pair[int],
    lambda: List[int][str],
    lambda: Generic[int],
    lambda: Generic[T, T],
    lambda: Generic[()],
    lambda: TypeVar('X', int),
    lambda: TypeVar('X', int, str, bound=int),
    lambda: TypeVar('X', covariant=True, contravariant=True),
    lambda: Union[()],
    lambda: Union[1],
    lambda: Callable[int],
    lambda: Tuple[1],
    lambda: List[int](),
    lambda: isinstance(1, List[int]),
    lambda: isinstance(1, Union),
    lambda: isinstance(1, T),
    lambda: typing.Any(),
    lambda: isinstance(1, typing.Any),
    lambda: typing.ClassVar[int, str],
    lambda: typing.Optional[int, str],
    lambda: typing.Never[int],
    lambda: typing.Union(),
    lambda: Concatenate[int],
    lambda: Concatenate[()],
    lambda: Dict[int],
    lambda: List[typing.ClassVar[int]],
    lambda: List[typing.Final],
    lambda: Fn[int],
    lambda: Row[int][str],
    lambda: Box[T][int, str],
]
for thunk in errors:
    try:
        print(thunk())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

for bad in ("class X(Generic): pass", "class X(Union): pass",
            "class X(Generic[T], Generic[S]): pass", "class X(Pair[T, S], Generic[T]): pass",
            "class X(typing.Optional[int]): pass", "class X(T): pass"):
    try:
        exec(bad)
    except TypeError as e:
        print('TypeError:', e)
