# int | str makes a types.UnionType; flattening, deduplication, None.
import types

u = int | str
print(u, repr(u), type(u), type(u).__name__, u.__args__, u.__parameters__)
print(int | None, None | int, (int | str) | float, int | (str | float), int | int, (int | str) | (str | int))
print(int | str | int, str | int | str, type(int | int), type(None) | int, int | type(None))
print(None | type(None), type(None) | None)
print((int | None).__args__, isinstance(int | str, types.UnionType))
print(list[int] | None, int | list[int], list[int] | dict[str, int], list[int] | list[int], list[int] | list[str])
print(type.__or__(int, str), type.__or__(int, 5), type.__ror__(int, str))
print((int | str).__or__(5), (int | str).__ror__(5), (int | str).__or__(float))
print((int | str).__module__, types.UnionType.__module__, types.UnionType.__name__)
class A:
    pass
class B:
    pass
print(A | B, A | int | None)
class Meta(type):
    pass
class M(metaclass=Meta):
    pass
print(M | int, int | M)
print(repr(types.UnionType), types.UnionType.__doc__)
