def gen():
    yield 1
    yield
    x = yield 2
    return x


def delegate():
    yield from gen()
    r = yield from other()
    return r
