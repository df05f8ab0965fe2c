def a():
    x = 1

    def b():
        y = 2

        def c():
            return x + y
        return c
    return b


class K:
    z = 3

    def m(self):
        return z

    def n(self):
        class Inner:
            def q(self):
                return self
        return Inner
