# Attributes of generic aliases: own ones, and everything else from the origin.
# The types module's names, without importing it.
GenericAlias = type(list[int])
UnionType = type(int | str)

def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

g = list[int]
print(g.__origin__, g.__args__, g.__parameters__, g.__class__, g.__unpacked__)
print(g.__name__, g.__qualname__, g.__module__, g.__doc__ == list.__doc__)
print(g.append, g.__init__, g.__eq__)
attempt(lambda: g.foo)
attempt(lambda: setattr(g, 'x', 1))
attempt(lambda: setattr(g, '__origin__', 1))
attempt(lambda: g.__copy__)
print(dict[str, int].fromkeys('ab'))
print(tuple[int, str].__typing_unpacked_tuple_args__, next(iter(tuple[int, str])).__typing_unpacked_tuple_args__)
print(next(iter(list[int])).__unpacked__, list(iter(list[int])), next(iter(list[int])).__typing_unpacked_tuple_args__)
it = iter(list[int])
print(type(it).__name__, next(it), next(it, 'exhausted'))
print(sorted(n for n in set(dir(list[int])) - set(dir(list)) if not n.startswith('__reduce')))
print(all(n in dir(list[int]) for n in dir(list)), dir(list[int]) == sorted(dir(list[int])) or 'unsorted')
print(list[int].__reduce__())
print(list.__class_getitem__(int), list.__class_getitem__((int, str)))
print(type(list.__dict__['__class_getitem__']).__name__, list.__class_getitem__.__doc__)
attempt(lambda: list[int].__class_getitem__(str))
attempt(lambda: str[int])
attempt(lambda: int[str])
print(GenericAlias.__doc__)
print(GenericAlias.__parameters__.__doc__, UnionType.__parameters__.__doc__)
