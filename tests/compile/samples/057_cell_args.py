def f(a, b, c):
    def g():
        return a + c
    b = 2
    return g


def h(*args, **kwargs):
    return lambda: (args, kwargs)


def k(x):
    x = x + 1
    return [x for _ in range(3)]


def n(self):
    return lambda: self
