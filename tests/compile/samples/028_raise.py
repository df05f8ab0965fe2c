def f():
    raise ValueError("x")


def g():
    raise


def h():
    try:
        pass
    except Exception as e:
        raise RuntimeError() from e
