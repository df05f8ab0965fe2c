x = 0


def f():
    global x
    x = 1
    return x


def g():
    global y
    del y


def h():
    return x + z
