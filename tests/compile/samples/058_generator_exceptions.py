def gen():
    try:
        yield 1
    except GeneratorExit:
        yield 2
    finally:
        yield 3


def gen2(it):
    for x in it:
        try:
            yield x
        except ValueError as e:
            yield e
    yield from range(3)


def gen3():
    with ctx() as c:
        yield c
