"""Function signatures: defaults, keyword-only, positional-only, annotations."""


def defaults(a, b=1, c="two", d=None):
    return a, b, c, d


def kwonly(a, *, key, flag=False):
    return a, key, flag


def posonly(a, b, /, c, *, d=4):
    return a + b + c + d


def varargs(*args, **kwargs):
    return len(args), sorted(kwargs)


def annotated(x: int, y: "str" = "s", *rest: float, z: list = None) -> dict:
    return {}


def everything(p1, p2=2, /, n1=3, *args, k1, k2=5, **kw) -> None:
    pass


def warmup():
    defaults(1)
    kwonly(1, key=2)
    posonly(1, 2, 3)
    varargs(1, 2, a=3)
