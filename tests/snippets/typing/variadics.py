# TypeVarTuple, Unpack and ParamSpec substitution in typing's generic aliases
# (PEP 646 and PEP 612 corner cases), printed as reprs and error messages.
import pickle
import typing
from typing import (Callable, Concatenate, Generic, ParamSpec, Tuple, TypeVar,
                    TypeVarTuple, Unpack)

T = TypeVar('T')
T2 = TypeVar('T2')
P = ParamSpec('P')
P2 = ParamSpec('P2')
Ts = TypeVarTuple('Ts')


class Array(Generic[*Ts]):
    pass


class Shaped(Generic[T, *Ts]):
    pass


class Tail(Generic[*Ts, T]):
    pass


class Both(Generic[T, P]):
    pass


class OnlyP(Generic[P]):
    pass


cases = [
    lambda: Array[int, str],
    lambda: Array[*tuple[int, ...]],
    lambda: Array[*Tuple[int, str]],
    lambda: Shaped[int],
    lambda: Shaped[int, str, bytes],
    lambda: Shaped[int, *tuple[str, ...]],
    lambda: Shaped[*tuple[int, ...]],
    lambda: Tail[int],
    lambda: Tail[int, str, float],
    lambda: Shaped[T, *Ts][int, str],
    lambda: Shaped[T, *Ts][int],
    lambda: Tail[*Ts, T][str],
    lambda: Array[*Ts][int, bytes],
    lambda: Array[T, *Ts][int],
    lambda: Unpack[Ts], lambda: [*Ts], lambda: tuple[*Ts], lambda: Tuple[*Ts],
    lambda: Tuple[int, *Ts][str, bytes],
    lambda: tuple[int, *Ts][str, bytes],
    lambda: Callable[[*Ts], T][int, str, bool],
    lambda: Both[int, [str, bytes]],
    lambda: Both[int, ...],
    lambda: Both[int, P2],
    lambda: Both[int, Concatenate[str, P2]],
    lambda: Both[T, P][int, [str]],
    lambda: Both[T, [T2, bytes]][int, str],
    lambda: OnlyP[int, str],
    lambda: OnlyP[[int, str]],
    lambda: OnlyP[...],
    lambda: Callable[P, T][[int, str], float],
    lambda: Callable[P, T][..., float],
    lambda: Callable[P, T][P2, float],
    lambda: Callable[Concatenate[int, P], T][[str, bytes], float],
    lambda: Callable[Concatenate[int, P], T][Concatenate[str, P2], float],
    lambda: Callable[Concatenate[int, P], T][..., float],
    lambda: typing.get_args(Callable[P, T][[int], str]),
    lambda: typing.get_args(Callable[Concatenate[int, P], T]),
    lambda: Both[int, [str]].__parameters__,
    lambda: Both[T, [T2, int]].__parameters__,
    lambda: Shaped[T, *Ts].__parameters__,
    lambda: Unpack[Ts].__typing_is_unpacked_typevartuple__,
    lambda: Unpack[Tuple[int, str]].__typing_unpacked_tuple_args__,
    lambda: typing.get_origin(Unpack[Ts]), lambda: typing.get_args(Unpack[Ts]),
    lambda: Ts.__name__, lambda: Ts.__module__, lambda: P.__bound__,
    lambda: Shaped[int, str] == Shaped[int, str],
    lambda: pickle.loads(pickle.dumps(Shaped[int, str])) == Shaped[int, str],
    # errors
    lambda: Shaped[()],
    lambda: Tail[()],
    lambda: Array[*tuple[int, ...], *tuple[str, ...]],
    lambda: Generic[*Ts, *Ts],
    lambda: Ts[int],
    lambda: Both[int, 3],
    lambda: Both[int],
    lambda: Callable[P, T][int],
    lambda: Unpack[int, str],
    lambda: Unpack[Ts][int],
    lambda: TypeVar('X')[int],
    lambda: isinstance(1, Ts),
    lambda: Array[int][str],
    lambda: Shaped[T, *Ts][()],
    lambda: Both[int, [3]],
    lambda: Concatenate[int, P][int],
    lambda: typing.Annotated[*Ts, 'x'],
]
for case in cases:
    try:
        print(case())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
