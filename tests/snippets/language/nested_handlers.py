"""Nested exception handlers: exceptions inside except/finally, sys.exc_info, re-raise restores."""
import sys
def show():
    t, v, tb = sys.exc_info()
    print("exc_info:", t.__name__ if t else None, v)
show()
try:
    raise ValueError("outer")
except ValueError:
    show()
    try:
        raise TypeError("inner")
    except TypeError:
        show()
    show()
    print("exception():", repr(sys.exception()))
show()
def reraise_after_inner():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise IndexError("second")
        except IndexError:
            pass
        raise
try:
    reraise_after_inner()
except Exception as e:
    print("reraised:", repr(e))
try:
    try:
        raise ValueError("in try")
    finally:
        print("finally sees", sys.exc_info()[0].__name__)
except ValueError:
    pass
try:
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
except TypeError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ValueError("v")
    except ValueError:
        raise KeyError("k")
    finally:
        print("finally with pending", sys.exc_info()[0].__name__)
except KeyError as e:
    print("got", repr(e))
def gen_handler():
    try:
        yield 1
    except GeneratorExit:
        print("generator closing")
        raise
g = gen_handler()
next(g)
g.close()
depth = 0
def nest(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        nest(n - 1)
    except ValueError as e:
        if n < 3:
            raise
        print("caught at", n, e)
nest(5)
