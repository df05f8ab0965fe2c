from __future__ import annotations


def f():
    x: g.h
    import g

    def k(a: g, b: yy) -> ww:
        pass
    return g, k


class C:
    attr: Optional[C]

    def m(self) -> C:
        profiler: Optional[cProfile.Profile]
        import cProfile
        return cProfile
