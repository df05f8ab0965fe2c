# sys.unraisablehook receives UnraisableHookArgs from __del__, weakref callbacks,
# generator finalisation, gc callbacks and atexit callbacks.
import sys, re, gc, weakref

seen = []

def hook(args):
    seen.append(args)

def mask(s):
    return re.sub(r"0x[0-9a-fA-F]+", "0x...", s)

def show():
    for a in seen:
        print(type(a).__name__, a.exc_type.__name__, str(a.exc_value), a.err_msg,
              mask(repr(a.object)), type(a.exc_traceback).__name__)
    seen.clear()

sys.unraisablehook = hook

class D:
    def __del__(self):
        raise ValueError("in del")

d = D()
del d
show()

class W:
    pass

def cb(r):
    raise KeyError("cb")

w = W()
r = weakref.ref(w, cb)
del w
show()

def gen():
    try:
        yield 1
    finally:
        raise RuntimeError("gen finally")

g = gen()
next(g)
del g
show()

def gccb(phase, info):
    raise TypeError("gc " + phase)

gc.callbacks.append(gccb)
gc.collect()
gc.callbacks.remove(gccb)
show()

# The args object.
try:
    raise ZeroDivisionError("x")
except ZeroDivisionError:
    pass
class E:
    def __del__(self):
        1 / 0
E()
a = seen.pop()
print(len(a), a[0].__name__, a.n_fields, a.n_sequence_fields)
print(type(a).__doc__)

# A hook that fails: the default report names the hook.
def badhook(args):
    raise OSError("bad hook")
import io
sys.unraisablehook = badhook
sys.stderr = io.StringIO()
D()
print(mask(sys.stderr.getvalue()))
sys.stderr = sys.__stderr__

# hook None: default output.
sys.unraisablehook = None
sys.stderr = io.StringIO()
D()
del sys.unraisablehook
D()
print(mask(sys.stderr.getvalue()))
sys.stderr = sys.__stderr__

sys.unraisablehook = hook
import atexit
def bad_exit():
    raise ValueError("at exit")
def report():
    show()
atexit.register(report)
atexit.register(bad_exit)
atexit._run_exitfuncs()
show()
