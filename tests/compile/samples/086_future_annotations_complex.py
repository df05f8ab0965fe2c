from __future__ import annotations


def f(a: List[int] = [], *, b: Dict[str, Tuple[int, ...]] = None) -> Optional[Callable[[int], str]]:
    pass


def g(x: "quoted", y: a.b.c, z: -1, w: ~x, v: not x, u: x if y else z, t: lambda: 1 = None):
    pass


def h(p: a + b * c, q: (a + b) * c, r: a ** b ** c, s: (a ** b) ** c, t: [1, 2], u: {1: 2}, v: x[1:2, ::3]):
    pass


class C:
    x: int
    y: "C" = None
    z: list[int] = []
    w: a and b or c
