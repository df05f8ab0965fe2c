"""Generators: yield, yield from, generator expressions, send."""


def countdown(n):
    while n:
        yield n
        n -= 1


def delegate(a, b):
    yield from a
    result = yield from b
    return result


def gen_expr(items):
    return sum(x * 2 for x in items if x)


def echo():
    received = None
    while True:
        received = yield received
        if received is None:
            break


def with_try():
    try:
        yield 1
    finally:
        print("done")


def warmup():
    list(countdown(5))
    list(delegate([1], [2]))
    gen_expr([1, 2, 0])
