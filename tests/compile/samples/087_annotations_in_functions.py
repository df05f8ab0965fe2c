def f():
    x: int
    y: str = "s"
    z.attr: int
    w[0]: float = 1.0
    return y


class C:
    a.b: int
    c[d]: str
    e[f:g]: int
