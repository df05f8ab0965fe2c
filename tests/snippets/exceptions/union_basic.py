# int | str makes a UnionType; flattening, deduplication, None.
# The types module's names, without importing it.
GenericAlias = type(list[int])
UnionType = type(int | str)

u = int | str
print(u, repr(u), type(u), type(u).__name__, u.__args__, u.__parameters__)
print(int | None, None | int, (int | str) | float, int | (str | float), int | int, (int | str) | (str | int))
print(int | str | int, str | int | str, type(int | int), type(None) | int, int | type(None))
print(None | type(None), type(None) | None)
print((int | None).__args__, isinstance(int | str, UnionType))
print(list[int] | None, int | list[int], list[int] | dict[str, int], list[int] | list[int], list[int] | list[str])
print(type.__or__(int, str), type.__or__(int, 5), type.__ror__(int, str))
print((int | str).__or__(5), (int | str).__ror__(5), (int | str).__or__(float))
print((int | str).__module__, UnionType.__module__, UnionType.__name__)
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
print(repr(UnionType), UnionType.__doc__)
