"""Exception context and chaining in depth: re-raise of the same object, context inside handlers, with/__exit__ seeing exc_info, generator throw context, except* re-raise."""
import sys
def f():
    try:
        raise ValueError(1)
    except ValueError as e:
        try:
            raise e
        except ValueError as e2:
            print(e2 is e, e2.__context__)
f()
def g():
    try:
        raise KeyError(1)
    except KeyError:
        def inner():
            raise TypeError(2)
        try:
            inner()
        except TypeError as t:
            print(repr(t.__context__))
g()
class CM:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print("exit context:", repr(sys.exc_info()[1]))
        return True
try:
    raise OSError("outer")
except OSError:
    with CM():
        raise ValueError("inner")
    print("after with", repr(sys.exc_info()[1]))
def gen():
    try:
        yield
    except ValueError:
        print("gen sees", repr(sys.exc_info()[1]))
        raise TypeError("from gen")
it = gen(); next(it)
try:
    it.throw(ValueError("thrown"))
except TypeError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ValueError
    finally:
        print("in finally", sys.exc_info()[0])
except ValueError:
    pass
e = ValueError("x")
try:
    raise e
except ValueError:
    pass
try:
    raise e
except ValueError as again:
    print("traceback depth", len([1 for _ in iter(lambda t=[again.__traceback__]: (t.__setitem__(0, t[0].tb_next) or t[0]) if t[0] else None, None)]))
def reraise_in_finally():
    try:
        raise KeyError("a")
    finally:
        try:
            raise ValueError("b")
        except ValueError:
            pass
try:
    reraise_in_finally()
except KeyError as k:
    print("KeyError survived", k)
def ret_exc():
    try:
        1/0
    except ZeroDivisionError as exc:
        return exc
x = ret_exc()
print(type(x).__name__, x.__traceback__ is not None)
try:
    raise ValueError("a") from TypeError("b")
except ValueError as v:
    print(v.__cause__, v.__suppress_context__, v.__context__)
try:
    try:
        raise ValueError("ctx")
    except ValueError:
        raise TypeError("t") from None
except TypeError as t:
    print(t.__cause__, t.__suppress_context__, repr(t.__context__))
class MyErr(Exception):
    def __init__(self):
        super().__init__("fixed message")
try:
    raise MyErr
except MyErr as m:
    print(m, m.args)
try:
    raise StopIteration
except Exception as s:
    print(type(s).__name__, s.value)
print(sys.exc_info())
try:
    raise BaseExceptionGroup("g", [ValueError(1)])
except* ValueError as eg:
    print("matched", type(eg).__name__, eg.exceptions)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
except BaseException as b:
    print(type(b).__name__, [type(x).__name__ for x in b.exceptions])
