assert x
assert x, "message"
assert x > 0, f"bad {x}"


def f(a):
    assert a is not None
    return a
