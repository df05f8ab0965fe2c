# traceback: print_last, lazy line lookup, frames from a loader, and odd inputs.
import io
import linecache
import sys
import traceback

def fail():
    raise OSError(2, "missing")

try:
    fail()
except OSError as e:
    sys.last_type, sys.last_value, sys.last_traceback = type(e), e, e.__traceback__
out = io.StringIO()
traceback.print_last(file=out)
print(out.getvalue(), end="")
traceback.print_last(limit=1, file=sys.stdout, chain=False)
del sys.last_type, sys.last_value, sys.last_traceback

# lookup_lines=False: the lines are read when formatting
te = traceback.TracebackException(OSError, OSError("x"), None, lookup_lines=False)
print(list(te.format()), te.stack, te.exc_type.__name__, te.__cause__, te.__context__, te.exceptions)

# a frame whose source comes from a module's loader (not a file on disk)
class Loader:
    def get_source(self, name):
        return "def boom():\n    raise KeyError('from loader')\n"
src = "def boom():\n    raise KeyError('from loader')\n"
ns = {"__name__": "virtual_mod", "__loader__": Loader()}
exec(compile(src, "/virtual/mod.py", "exec"), ns)
try:
    ns["boom"]()
except KeyError as e:
    print("".join(traceback.format_exception(e)), end="")
    print(linecache.cache["/virtual/mod.py"][1:])

# code compiled from a string: no source lines
try:
    exec("def f():\n    return 1 // 0\nf()")
except ZeroDivisionError as e:
    print("".join(traceback.format_exception(e)), end="")

# exceptions whose str() fails, and the exception type None
class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no")
print(traceback.format_exception_only(Unprintable()))
print(traceback.format_exception(Unprintable, Unprintable(), None))
print(traceback._format_final_exc_line("Name", None), traceback._format_final_exc_line("Name", "v"), end="")
te = traceback.TracebackException(None, None, None)
print(list(te.format()), str(te))

# an exception raised with a traceback from a generator and a nested function
def gen():
    yield 1
    raise ValueError("in generator")
try:
    for _ in gen():
        pass
except ValueError as e:
    print("".join(traceback.format_tb(e.__traceback__)), end="")

# walk_tb / extract from a frame list, with the locals captured
def capture(x, y="two"):
    z = [x, y]
    try:
        fail()
    except OSError as e:
        return e.__traceback__
ss = traceback.StackSummary.extract(traceback.walk_tb(capture(1)), capture_locals=True)
print([(fs.name, fs.lineno, fs.line, fs.colno) for fs in ss])
print("".join(ss.format()), end="")
