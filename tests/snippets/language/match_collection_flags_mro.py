# A class's sequence/mapping nature for `match` comes from the first base in
# MRO order that has one.
import collections
import collections.abc


class C:
    pass


classes = []
for bases in [(collections.UserDict, collections.abc.Sequence),
              (C, collections.UserDict, collections.abc.Sequence),
              (collections.UserDict, C, list),
              (dict, collections.abc.Sequence, C),
              (collections.UserList, collections.abc.Mapping),
              (C, collections.UserList, collections.abc.Mapping),
              (list, C, collections.abc.Mapping),
              (collections.UserList, dict, C),
              (C,), (list,), (dict,), (str,)]:
    classes.append(type('X', bases, {}))


def seq_first(x):
    match x:
        case [*_]:
            return "seq"
        case {}:
            return "map"


def map_first(x):
    match x:
        case {}:
            return "map"
        case [*_]:
            return "seq"


for cls in classes:
    names = [b.__name__ for b in cls.__bases__]
    obj = cls()
    print(names, hex(cls.__flags__ & 0x60), seq_first(obj), map_first(obj))
