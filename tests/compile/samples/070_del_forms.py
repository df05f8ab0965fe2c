def f():
    x = 1

    def g():
        nonlocal x
        del x
    del g


def h():
    a = b = c = 1
    del a, (b, c)
    return locals()


class C:
    x = 1
    del x
