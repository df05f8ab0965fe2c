def f(x):
    return x
    y = 1
    for i in y:
        print(i)


def g():
    raise Error
    print("dead")


def h():
    while True:
        pass
    print("dead")


def k(a):
    if a:
        return 1
    else:
        return 2
    return 3
