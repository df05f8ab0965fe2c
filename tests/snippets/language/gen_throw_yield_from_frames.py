# Throwing into a generator that delegates with `yield from` runs the inner
# generator with the outer one's frame as its f_back.
import sys


def names(frame):
    out = []
    while frame and frame.f_code.co_name in ('f', 'g'):
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out


def f():
    print("f start", names(sys._getframe()))
    try:
        yield
    except Exception as e:
        print("f caught", type(e).__name__)
    print("f end", names(sys._getframe()))


def g():
    print("g start", names(sys._getframe()))
    yield from f()
    print("g end", names(sys._getframe()))


for method in ("send", "throw"):
    gen = g()
    gen.send(None)
    try:
        if method == "send":
            gen.send(None)
        else:
            gen.throw(RuntimeError)
    except StopIteration:
        print(method, "stopped")
