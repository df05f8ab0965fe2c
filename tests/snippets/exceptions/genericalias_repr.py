# repr of GenericAlias.
# The types module's names, without importing it.
GenericAlias = type(list[int])
UnionType = type(int | str)

print(list[int], repr(list[int]), type(list[int]))
print(dict[str, list[int]], tuple[()], tuple[int, ...], list[...], tuple[()].__args__)
print(list[int, str], list[list[list[int]]], dict[str, None], list[type(None)])
print(type[int], set[frozenset[int]], enumerate[str], tuple[int])
class A:
    pass
class OrderedDict(dict):
    pass
OrderedDict.__module__ = 'collections'
class Outer:
    class Inner:
        pass
print(list[A], list[Outer.Inner], dict[A, OrderedDict])
def f():
    pass
print(list[f], list[1], list['forward'], list[b'b'])
print(list[int | str], list[int] | None)
print(GenericAlias(list, int), GenericAlias(list, (int, str)), GenericAlias(5, 6))
print(GenericAlias(dict, ()), GenericAlias(list, [int]))
print(*list[int], *tuple[int, str])
print(repr(next(iter(tuple[int, str]))))
class R:
    __qualname__ = 'Renamed'
print(list[R])
class NoModule:
    pass
NoModule.__module__ = None
print(list[NoModule] == list[NoModule], 'NoModule' in repr(list[NoModule]))
