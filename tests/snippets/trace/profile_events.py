import sys

def prof(frame, event, arg):
    if event.startswith('c_'):
        arg = getattr(arg, '__qualname__', repr(arg))
    elif event == 'return' and arg is not None and not isinstance(arg, (int, str)):
        arg = type(arg).__name__
    print(event, frame.f_code.co_name, arg)

def f(x):
    l = []
    l.append(x)
    n = len(l)
    s = "a,b".split(",")
    return sorted(s, key=str.lower)

def g():
    yield 1
    yield 2

def bad():
    return int("x")

sys.setprofile(prof)
f(3)
list(g())
try:
    bad()
except ValueError:
    pass
args = (1, 2)
max(*args)
print(sys.getprofile() is prof)
sys.setprofile(None)
print("done")
