"""Deeply nested code objects, for the depth= argument of dis."""


def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return lambda e: a + b + c + d + e
            return level4
        return level3
    return level2


class Outer:
    class Middle:
        class Inner:
            def deep(self):
                return [[x for x in range(y)] for y in range(3)]


def warmup():
    level1(1)(2)(3)(4)(5)
