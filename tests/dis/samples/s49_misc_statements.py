"""Statements not covered elsewhere: print-like calls, chained assignment, augmented attributes."""


class Box:
    pass


def chained_assign():
    a = b = c = []
    a.append(1)
    return a, b, c


def aug_attr(box):
    box.n = 0
    box.n += 5
    box.items = []
    box.items += [1]
    return box


def conditional_import(flag):
    if flag:
        import json as mod
    else:
        mod = None
    return mod


def starred_call_only(*a):
    return max(*a)


def warmup():
    chained_assign()
    aug_attr(Box())
