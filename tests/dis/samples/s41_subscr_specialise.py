"""Subscripts and unpacking on lists, tuples and dicts, which specialise."""


def subscripts(lst, tup, d):
    total = 0
    for i in range(len(lst)):
        total += lst[i] + tup[i] + d["k"]
        lst[i] = total
        d["k"] = i
    return total


def unpacks(pairs, lists):
    n = 0
    for a, b in pairs:
        n += a
    for x, y, z in lists:
        n += z
    t = (1, 2, 3)
    p, q, r = t
    return n + r


class WithGetitem:
    def __getitem__(self, i):
        return i


def custom(obj):
    return obj[1] + obj[2]


def warmup():
    subscripts([1, 2, 3], (4, 5, 6), {"k": 0})
    unpacks([(1, 2), (3, 4)], [[1, 2, 3]])
    custom(WithGetitem())
