# The traceback module's text must be python3's, position markers included.
import sys
import traceback

def show(lines):
    print("".join(lines), end="")
    print("-----")

def fail_div(a, b):
    return a / b

def fail_sub(d):
    return d["key"]["other"]

def fail_call():
    x = [1, 2, 3]
    return x[10] + fail_div(1,
                            0)

def fail_attr(o):
    return o.missing_attribute

def fail_pow(a):
    return (a
            ** "s")

def fail_unicode():
    café = {"中文": 1}
    return café["中文"] + café["字"]

def fail_whole_line():
    raise ValueError("whole")

def fail_bin_paren():
    a, b = 1, "x"
    return (a)  +  (b)

for f, args in [(fail_div, (1, 0)), (fail_sub, ({"key": {}},)), (fail_call, ()),
                (fail_attr, (3,)), (fail_pow, (2,)), (fail_unicode, ()),
                (fail_whole_line, ()), (fail_bin_paren, ())]:
    try:
        f(*args)
    except Exception as e:
        show(traceback.format_exception(e))
        show(traceback.format_exception(type(e), e, e.__traceback__, limit=1))
        show(traceback.format_exception(e, limit=-1))
        show(traceback.format_tb(e.__traceback__))
        print(traceback.extract_tb(e.__traceback__))
        print([tuple(fs) for fs in traceback.extract_tb(e.__traceback__)])
        fs = traceback.extract_tb(e.__traceback__)[-1]
        print(fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, repr(fs.line), fs.name)

# chaining
def chained():
    try:
        {}["a"]
    except KeyError as e:
        raise ValueError("bad value") from e

def context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("in handler")

def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("suppressed") from None

for f in [chained, context, suppressed]:
    try:
        f()
    except Exception as e:
        show(traceback.format_exception(e))
        show(traceback.format_exception(e, chain=False))
        te = traceback.TracebackException.from_exception(e)
        show(te.format())
        print(te.__cause__ is not None, te.__context__ is not None, te.__suppress_context__)
        te2 = traceback.TracebackException.from_exception(e, compact=True)
        print(te2.__cause__ is not None, te2.__context__ is not None, str(te2), te == te)

# a cycle in the chain
try:
    try:
        raise KeyError("one")
    except KeyError as e1:
        try:
            raise ValueError("two")
        except ValueError as e2:
            e1.__context__ = e2
            raise e1
except KeyError as e:
    show(traceback.format_exception(e))

# notes
try:
    e = RuntimeError("with notes")
    e.add_note("first note")
    e.add_note("second\nmultiline")
    raise e
except RuntimeError as e:
    show(traceback.format_exception(e))
class BadStr(Exception):
    def __str__(self):
        raise ValueError
e = Exception("x"); e.__notes__ = "not a sequence"
show(traceback.format_exception_only(e))
e = Exception("x"); e.__notes__ = [BadStr()]
show(traceback.format_exception_only(e))
show(traceback.format_exception_only(BadStr()))
show(traceback.format_exception_only(ValueError()))
show(traceback.format_exception_only(None))
show(traceback.format_exception_only(KeyError, KeyError("k")))
class Custom(Exception):
    pass
Custom.__module__ = "mymod"
show(traceback.format_exception_only(Custom("c")))
Custom.__module__ = 42
show(traceback.format_exception_only(Custom("c")))

# syntax errors
for src in ["x = = 1", "  foo(1 2)\n", "\tif x\n", "a +\n"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        show(traceback.format_exception_only(e))
for args in [("msg",), ("msg", ("file.py", 3, 5, "  abc def\n")), ("msg", (None, None, None, "x\n")),
             ("msg", ("f", 1, 2, "abcdef", 1, 5)), ("msg", ("f", 1, -2, "abc")),
             ("", ("f", None, 2, "abc")), ("m", ("f", 1, 3, "ab\tcd\n", 1, 0))]:
    show(traceback.format_exception_only(SyntaxError(*args)))
show(traceback.format_exception_only(IndentationError("unexpected indent", ("f.py", 2, 4, "    x\n"))))

# argument errors
for call in [lambda: traceback.format_exception(ValueError, ValueError()),
             lambda: traceback.format_exception(ValueError, tb=None),
             lambda: traceback.format_exception(3),
             lambda: traceback.format_exception("x"),
             lambda: traceback.print_last()]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(traceback.format_exception(None), traceback.format_exception(None, None, None))
print(repr(traceback._sentinel))
