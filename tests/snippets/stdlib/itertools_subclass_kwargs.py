# Subclasses of the iterator types may take keyword arguments in their own
# __init__ or __new__; the base __new__ ignores them then (CPython's
# `type->tp_init == base->tp_init` test).
import operator
from itertools import (chain, compress, cycle, dropwhile, filterfalse, islice,
                       repeat, starmap, takewhile)


def is_even(x):
    return x % 2 == 0


cases = [
    (repeat, (1, 2), [1, 1]),
    (zip, ([1, 2], 'ab'), [(1, 'a'), (2, 'b')]),
    (filter, (None, [0, 1]), [1]),
    (filterfalse, (None, [0, 1]), [0]),
    (chain, ([1, 2], [3, 4]), [1, 2, 3]),
    (map, (str, [1, 2]), ['1', '2']),
    (starmap, (operator.pow, ((2, 3), (3, 2))), [8, 9]),
    (islice, ([1, 2, 3, 4], 1, 3), [2, 3]),
    (takewhile, (is_even, [2, 3, 4]), [2]),
    (dropwhile, (is_even, [2, 3, 4]), [3, 4]),
    (cycle, ([1, 2],), [1, 2, 1]),
    (compress, ('ABC', [1, 0, 1]), ['A', 'C']),
]
for cls, args, result in cases:
    class Plain(cls):
        pass
    try:
        Plain(*args, newarg=3)
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
    if cls not in (repeat, zip, compress):
        class WithInit(cls):
            def __init__(self, *args, newarg=None):
                self.newarg = newarg
        u = WithInit(*args, newarg=3)
        print(cls.__name__, list(islice(u, 0, 3)) == result, u.newarg)

    class WithNew(cls):
        def __new__(cls, *args, newarg=None):
            self = super().__new__(cls, *args)
            self.newarg = newarg
            return self
    u = WithNew(*args, newarg=3)
    print(cls.__name__, type(u).__name__, list(islice(u, 0, 3)) == result, u.newarg)
for bad in (lambda: map(str, [1], x=1), lambda: filter(None, [1], x=1),
            lambda: filter(None), lambda: map(str)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
