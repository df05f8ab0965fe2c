@dec
def f():
    pass


@dec1
@dec2(arg)
@a.b.c
def g(x):
    return x


@dataclass
class P:
    x: int
    y: int = 0


@functools.lru_cache(maxsize=None)
def h():
    pass
