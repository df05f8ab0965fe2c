def f(e):
    if e:
        raise
    raise ValueError
    raise ValueError("x") from None
