# Implicit chaining happens when an exception is raised, not when it passes from a
# callee to its caller: a finally block that resets __context__ is respected, even
# across frames and through a generator's throw() (contextlib relies on this).
import contextlib


class MyException(Exception):
    pass


def resets_context():
    exc = MyException()
    try:
        raise exc
    finally:
        exc.__context__ = None


def resets_and_reraises():
    exc = MyException()
    try:
        raise exc
    except MyException:
        exc.__context__ = None
        raise


try:
    raise IndexError
except IndexError:
    for f in (resets_context, resets_and_reraises):
        try:
            f()
        except MyException as e:
            print(f.__name__, repr(e.__context__))
    try:
        list(map(lambda x: resets_context(), [1]))
    except MyException as e:
        print("through map:", repr(e.__context__))


@contextlib.contextmanager
def my_cm():
    try:
        yield
    except BaseException:
        exc = MyException()
        try:
            raise exc
        finally:
            exc.__context__ = None


try:
    with my_cm():
        raise IndexError()
except MyException as exc:
    print("contextmanager:", repr(exc.__context__))


@contextlib.contextmanager
def raises_in_finally(exc):
    try:
        yield
    finally:
        raise exc


excs = [Exception(i) for i in range(5)]
try:
    with contextlib.ExitStack() as stack:
        for e in (excs[4], excs[3], excs[2]):
            stack.enter_context(raises_in_finally(e))
        raise excs[1]
except Exception as exc:
    chain = []
    while exc is not None:
        chain.append(exc.args[0])
        exc = exc.__context__
    print("ExitStack chain:", chain)

# Raising an exception object again chains it anew.
try:
    1 / 0
except ZeroDivisionError as z:
    saved = z
try:
    raise KeyError
except KeyError:
    try:
        raise saved
    except ZeroDivisionError as e:
        print("raise saved:", repr(e.__context__))


# throw() chains only to an exception the generator itself is handling.
def plain():
    yield


def handling():
    try:
        raise KeyError("a")
    except Exception:
        try:
            yield
        except Exception as exc:
            print("inside:", type(exc).__name__, repr(exc.__context__))
            yield "b"


try:
    raise IndexError
except IndexError:
    g = plain()
    next(g)
    try:
        g.throw(ValueError)
    except ValueError as e:
        print("throw into plain:", repr(e.__context__))
    g = handling()
    next(g)
    print(g.throw(ValueError))


def outer():
    try:
        raise KeyError("k")
    except Exception:
        yield from plain()


g = outer()
next(g)
try:
    g.throw(ValueError)
except ValueError as e:
    print("yield from:", repr(e.__context__))
