"""sys and frame introspection: version_info, _getframe, f_locals/f_back/f_lineno, exc_info, tracebacks walked by hand."""
import sys
print(sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.byteorder, sys.platform, type(sys.argv).__name__, len(sys.argv))
print(sys.stdout.write("abc\n"), sys.intern("x") is sys.intern("x"), sys.getsizeof(0) > 0)
def f():
    fr = sys._getframe()
    return fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, sorted(fr.f_locals), fr.f_globals is globals()
print(f())
def g(a, b=2):
    c = a + b
    return sys._getframe().f_locals
print(g(1))
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next)
def h():
    raise KeyError("k")
try:
    h()
except KeyError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(lines)
print(sys._getframe(0).f_code.co_filename.endswith("t9.py"))
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
print(sys.getrecursionlimit(), sys.flags.optimize, sys.flags.dont_write_bytecode if hasattr(sys.flags, 'dont_write_bytecode') else '')
print(sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit if hasattr(sys.int_info, 'bits_per_digit') else '')
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan if hasattr(sys.hash_info, 'nan') else '')
print(type(sys.modules).__name__, "sys" in sys.modules, "__main__" in sys.modules, sys.modules["__main__"].__name__)
print(sys.exc_info())
print(sys.getdefaultencoding(), sys.stdout.encoding, sys.stdin is not None)
def gen():
    yield sys._getframe().f_code.co_name
print(next(gen()))
fr = sys._getframe()
print(fr.f_lineno, type(fr).__name__, fr.f_lasti >= 0)
def locals_mod():
    x = 1
    locals()["x"] = 2
    return x
print(locals_mod())
