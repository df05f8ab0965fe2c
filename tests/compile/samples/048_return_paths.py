def f(x):
    if x:
        return 1
    elif x is None:
        return
    return 2


def g(x):
    for i in x:
        if i:
            return i


def h():
    return (
        1 +
        2
    )


def k(a):
    while a:
        a -= 1
    else:
        return a
