# optimize: 1
"""doc stays at -O."""
assert x, "removed"
if __debug__:
    print("debug")


def f():
    """doc"""
    assert f
    return __debug__
