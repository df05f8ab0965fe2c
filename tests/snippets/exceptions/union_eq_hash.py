# Equality and hashing of unions ignore argument order.
print(int | str == str | int, (int | str) != (str | int), (int | str) == (int | float), (int | str) != (int | float))
print(hash(int | str) == hash(str | int), hash(int | str | None) == hash(None | str | int))
print((int | str) == (int | str | int), (int | str) == int, (int | str) == (int, str))
print(len({int | str, str | int, int | float}))
d = {int | str: 'a'}
print(d[str | int], d)
print((list[int] | str) == (str | list[int]), hash(list[int] | str) == hash(str | list[int]))
print((list[int] | str) == (list[str] | str))
class EqAll(type):
    def __eq__(cls, other):
        return True
    __hash__ = type.__hash__
class X(metaclass=EqAll):
    pass
print((X | int) == (X | int), (int | X) == (X | int))
try:
    hash(list[[]] | int)
except TypeError as e:
    print('TypeError', e)
