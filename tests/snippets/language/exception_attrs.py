"""Exception attributes: args, str/repr of exceptions, errno-like args, with_traceback, notes."""
for e in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), IndexError(3),
          OSError(2, "No such file"), StopIteration(5), SystemExit(3), UnicodeError("u")]:
    print(type(e).__name__, repr(e), str(e), e.args)
print(StopIteration(7).value, SystemExit(4).code, SystemExit().code, OSError(2, "x").errno, OSError(2, "x").strerror)
e = Exception("base")
print(e.__traceback__, e.__cause__, e.__context__)
try:
    raise e
except Exception as caught:
    tb = caught.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
e2 = ValueError("x").with_traceback(None)
print(e2.__traceback__)
e3 = ValueError("noted")
e3.add_note("first note")
e3.add_note("second")
print(e3.__notes__)
try:
    e3.add_note(5)
except TypeError as te:
    print(type(te).__name__, te)
ex = ValueError(1, 2)
ex.args = ("replaced",)
print(ex, ex.args)
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(BaseException, object))
print([c.__name__ for c in UnicodeDecodeError.__mro__])
try:
    int("abc")
except ValueError as ve:
    print(ve.args)
try:
    [].pop()
except IndexError as ie:
    print(ie.args)
print(repr(NameError("n", name="foo")), NameError("n", name="foo").name)
print(repr(AttributeError("a", name="x", obj=None)))
