"""assert statements and every form of raise."""


def check(x):
    assert x
    assert x > 0, "x must be positive"
    assert isinstance(x, int), f"got {type(x)}"
    return x


def raises(kind):
    if kind == 0:
        raise ValueError
    if kind == 1:
        raise ValueError("message")
    if kind == 2:
        raise ValueError("chained") from KeyError()
    if kind == 3:
        raise ValueError from None
    raise


def reraise_in_handler():
    try:
        pass
    except Exception as e:
        raise e


def warmup():
    check(5)
