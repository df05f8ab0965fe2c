def f(len):
    return len([1])


def g():
    print = lambda *a: None
    print(1)


list = list
x = list((1, 2))
