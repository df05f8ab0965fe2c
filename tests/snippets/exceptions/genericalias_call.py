# Calling an alias, __mro_entries__, comparison and hashing.
# The types module's names, without importing it.
GenericAlias = type(list[int])
UnionType = type(int | str)

def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(list[int]('ab'), dict[str, int](a=1), type(list[int]()), tuple[int, ...]([1, 2]))
class Box:
    def __init__(self, v=None):
        self.v = v
b = GenericAlias(Box, int)(5)
print(b.v, b.__orig_class__)
class Slotted:
    __slots__ = ()
print(type(GenericAlias(Slotted, int)()).__name__)
print(list[int].__mro_entries__(()), list[int].__mro_entries__(5))
class L(list[int]):
    pass
print([c.__name__ for c in L.__mro__], L.__orig_bases__, L([1, 2]))
class D(dict[str, int], Box):
    pass
print([c.__name__ for c in D.__mro__])
print(list[int] == list[int], list[int] == list[str], list[int] != list[int], list[int] == list)
print(hash(list[int]) == hash(list[int]), {list[int]: 1}[list[int]], len({list[int], list[int], list[str]}))
print(list[int] == GenericAlias(list, (int,)), list[int] == next(iter(list[int])))
attempt(lambda: list[int] < list[int])
attempt(lambda: GenericAlias(list))
attempt(lambda: GenericAlias(list, int, x=1))
attempt(lambda: GenericAlias(list, int, str))
attempt(lambda: isinstance([], list[int]))
attempt(lambda: issubclass(list, list[int]))
attempt(lambda: hash(list[[]]))
class SubGA(GenericAlias):
    pass
s = SubGA(list, int)
print(type(s).__name__, s, s == list[int])
