del x
del x, y
del a.b
del a[0], a[1:2]
del (a, b), [c]


def f():
    x = 1
    del x
    global g
    del g


def h():
    v = 1

    def i():
        return v
    del v
