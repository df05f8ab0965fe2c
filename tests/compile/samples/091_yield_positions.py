def g():
    x = yield
    y = yield x
    z = (yield x, y)
    w = yield from range(
        10
    )
    return (yield)


def h():
    yield (
        1,
        2,
    )
