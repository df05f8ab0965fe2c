import sys
import traceback

def show(lines):
    print("".join(lines), end="")
    print("-----")

def raise_group():
    errors = []
    for i, exc in enumerate([ValueError(1), TypeError("two")]):
        try:
            raise exc
        except Exception as e:
            errors.append(e)
    try:
        raise ExceptionGroup("inner", [KeyError("k"), OSError(2, "nope")])
    except ExceptionGroup as g:
        errors.append(g)
    raise ExceptionGroup("outer", errors)

try:
    raise_group()
except ExceptionGroup as e:
    show(traceback.format_exception(e))
    show(traceback.TracebackException.from_exception(e, max_group_width=2).format())
    show(traceback.TracebackException.from_exception(e, max_group_depth=1).format())
    show(traceback.format_exception_only(e))

big = ExceptionGroup("many", [ValueError(i) for i in range(20)])
show(traceback.format_exception(big))
nested = ExceptionGroup("a", [ExceptionGroup("b", [ExceptionGroup("c", [ValueError("deep")])])])
show(traceback.format_exception(nested))
show(traceback.TracebackException.from_exception(nested, max_group_depth=0).format())
try:
    try:
        raise BaseExceptionGroup("base", [KeyboardInterrupt()])
    except BaseExceptionGroup as g:
        raise RuntimeError("after group") from g
except RuntimeError as e:
    show(traceback.format_exception(e))
eg = ExceptionGroup("noted", [ValueError("v")])
eg.add_note("group note")
show(traceback.format_exception(eg))

# recursion: repeated lines are counted
def recurse(n):
    if n == 0:
        raise RecursionError("bottom")
    recurse(n - 1)
for depth in [2, 3, 4, 10]:
    try:
        recurse(depth)
    except RecursionError as e:
        show(traceback.format_exception(e))

def alternate(n):
    if n == 0:
        1 / 0
    if n % 2:
        alternate(n - 1)
    else:
        alternate(n - 1)
try:
    alternate(9)
except ZeroDivisionError as e:
    show(traceback.format_tb(e.__traceback__))

# stacks
def inner(depth):
    if depth:
        return inner(depth - 1)
    s = traceback.extract_stack()
    print(len(s) >= 3, s[-1].name, s[-1].line, s[-2].name, type(s).__name__)
    show(traceback.format_stack(limit=2))
    traceback.print_stack(limit=3, file=sys.stdout)
    print("-----")
    show(traceback.format_stack(sys._getframe().f_back, limit=1))
    frames = [f.f_code.co_name for f, lineno in traceback.walk_stack(None)][:4]
    print(frames)
    summary = traceback.StackSummary.extract(traceback.walk_stack(None), limit=2)
    print([fs.name for fs in summary])
    return s
inner(2)

def with_locals():
    a = 1
    b = "two"
    c = [3]
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e
e = err = with_locals()
te = traceback.TracebackException.from_exception(e, capture_locals=True)
show(te.format())
print(te.stack[-1].locals)
print([f.f_code.co_name for f, n in traceback.walk_tb(e.__traceback__)],
      [n for f, n in traceback.walk_tb(e.__traceback__)])
traceback.print_tb(e.__traceback__, file=sys.stdout)
traceback.print_exception(e, file=sys.stdout)
traceback.print_exception(type(e), e, e.__traceback__, file=sys.stdout, limit=0)
try:
    raise e
except ZeroDivisionError:
    print(traceback.format_exc(limit=1), end="")
    traceback.print_exc(file=sys.stdout, chain=False)
print(repr(traceback.format_exc()))
traceback.print_exc(file=sys.stdout)

# summaries built by hand
fs = traceback.FrameSummary("f.py", 3, "func", line="  x = 1  ")
print(repr(fs), fs.line, repr(fs._original_line), len(fs), list(fs), fs[0], fs[-1])
print(fs == ("f.py", 3, "func", "x = 1"), fs == traceback.FrameSummary("f.py", 3, "func", line="y"),
      fs == 3, fs != ("a",))
fs2 = traceback.FrameSummary("nofile.py", 1, "g", lookup_line=False)
print(fs2.line, repr(fs2._line), fs2.locals, fs2.colno)
fs3 = traceback.FrameSummary("x.py", None, "h")
print(fs3.line)
print(traceback.format_list([("a.py", 1, "f", "pass"), fs, ("b.py", 2, "g", None), ("c.py", 3, "h", "")]))
traceback.print_list([("a.py", 1, "f", "pass")], file=sys.stdout)
ss = traceback.StackSummary.from_list([("a.py", 1, "f", "x"), ("a.py", 1, "f", "x")] * 3)
show(ss.format())
fs4 = traceback.FrameSummary("f.py", 7, "m", line="value = a + b", colno=8, end_colno=13, end_lineno=7)
fs4.locals = {"z": "1", "a": "'q'"}
show(traceback.StackSummary([fs4]).format())
try:
    traceback.FrameSummary("f", 1)
except TypeError as e:
    print("TypeError", e)

sys.tracebacklimit = 1
show(traceback.format_exception(err))
sys.tracebacklimit = -5
show(traceback.format_exception(err))
del sys.tracebacklimit
traceback.clear_frames(err.__traceback__)
print(err.__traceback__.tb_next.tb_frame.f_locals)
