x: int
y: str = "a"
z: list[int] = []
obj.attr: int = 1
d["k"]: float
(w): bool = True


class C:
    a: int
    b: "C" = None

    def m(self, p: int, *args: str, q: bool = False, **kw: float) -> None:
        v: int = 1
        u: str


def f(a: int = 1, /, b: str = "x") -> list:
    pass
