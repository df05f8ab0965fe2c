"""Closures: cells, free variables, nonlocal, cell arguments."""


def counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def adder(n):
    # n is an argument that is also a cell.
    def add(x):
        return x + n
    return add


def three_levels(a):
    b = a * 2

    def middle(c):
        def inner(d):
            return a + b + c + d
        return inner

    return middle


def shadowed(x):
    def f():
        x = 1
        return x
    def g():
        return x
    return f() + g()


def deleter():
    value = 1

    def drop():
        nonlocal value
        del value

    return drop


def warmup():
    c = counter()
    c()
    adder(2)(3)
    three_levels(1)(2)(3)
    shadowed(5)
