def make():
    x = 1
    y = 2

    class C:
        y = 3
        a = x
        b = y

        def m(self):
            return x + y

        def y(self):
            return y
    return C


class D:
    def f(self):
        return [__class__ for _ in range(2)]

    def g(self):
        def inner():
            return super()
        return inner
