"""Decorators on functions and classes, with and without arguments."""


def trace(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def repeat(times):
    def decorate(func):
        def wrapper(*args):
            result = None
            for _ in range(times):
                result = func(*args)
            return result
        return wrapper
    return decorate


@trace
def greet(name):
    return "hello " + name


@repeat(3)
@trace
def add(a, b):
    return a + b


@trace
class Decorated:
    pass


def warmup():
    greet("x")
    add(1, 2)
