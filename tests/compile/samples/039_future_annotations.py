from __future__ import annotations

x: int = 1
y: list[dict[str, int]]


def f(a: int, b: Optional[str] = None, *c: tuple, **d: dict[str, "X"]) -> Tuple[int, ...]:
    return a


class C:
    attr: C | None = None
    other: Callable[[int, str], bool]
