"""Class bodies that read enclosing function variables (LOAD_CLASSDEREF)."""


def factory(value):
    class Holder:
        attr = value
        doubled = value * 2

        def get(self):
            return value

        def cls(self):
            return __class__
    return Holder


def shadow(value):
    class Shadow:
        value = value
        other = [value for _ in range(2)]
    return Shadow


def warmup():
    factory(3)().get()
