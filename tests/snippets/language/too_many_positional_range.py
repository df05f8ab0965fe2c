# "takes from N to M positional arguments" is plural even when M is 1
# (CPython's too_many_positional): a regression test from dataclass(None, True).
def g(a=1):
    pass


def h(*, k=0):
    pass


def j(a=1, *, k=0):
    pass


def dc(cls=None, /, *, init=True):
    pass


for call in (lambda: g(1, 2), lambda: g(1, 2, 3), lambda: h(1), lambda: j(1, 2),
             lambda: j(1, 2, k=3), lambda: dc(None, True)):
    try:
        call()
    except TypeError as e:
        print(e)
