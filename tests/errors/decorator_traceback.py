"""Traceback through a decorator wrapper into the decorated function."""
def deco(f):
    def wrapper(*a):
        return f(*a)
    return wrapper
@deco
def target(x):
    return x.missing
target(1)
