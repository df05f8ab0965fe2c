def f(a, b=1, *args, c, d=2, **kw):
    return a + b + c + d


def g(x, /, y, *, z):
    return x, y, z


def h():
    pass


def k(a: int, b: "str" = "x") -> bool:
    return True


print(f(1, c=3), g(1, 2, z=3))
