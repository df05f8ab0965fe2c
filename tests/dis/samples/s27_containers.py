"""Building containers: literals, const keys, merges, star unpacking."""


def literals(a, b):
    return [a, b], (a, b), {a, b}, {a: b}, {"x": a, "y": b}


def const_keys(a, b, c):
    return {"one": a, "two": b, "three": c}


def merges(d1, d2, l1, s1):
    return {**d1, "k": 1, **d2}, [*l1, 1, *l1], {*s1, 2}, (*l1, *s1)


def constants():
    return [1, 2, 3], (1, 2, 3), {1, 2, 3}, frozenset({1}), ["a", "b", "c", "d"]


def empty():
    return [], (), {}, set()


def big_dict(a):
    return {1: a, 2: a, 3: a, 4: a, 5: a, 6: a, 7: a, 8: a, 9: a, 10: a,
            11: a, 12: a, 13: a, 14: a, 15: a, 16: a, 17: a, 18: a}


def warmup():
    literals(1, 2)
    const_keys(1, 2, 3)
    merges({}, {}, [], set())
