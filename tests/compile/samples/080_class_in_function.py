def factory(base, value):
    tag = "t"

    class Made(base):
        attr = value
        tag = tag

        def get(self):
            return value, tag
    return Made


def f():
    x = 1

    class C:
        nonlocal_x = x
        x = 2
        y = x
    return C
