# _testinternalcapi: the configuration dict, the recursion depth, the GC header size
# and the locale conversions, as test.support uses them.
import sys
import _testinternalcapi as t

config = t.get_config()
print(len(config), sorted(config)[:5])
print(config["code_debug_ranges"], config["argv"] == sys.argv, config["orig_argv"] == sys.orig_argv)
print(config["optimization_level"], config["verbose"], config["quiet"], config["isolated"])
print(config["site_import"], config["use_environment"], config["write_bytecode"] == (not sys.dont_write_bytecode))
print(config["warnoptions"] == sys.warnoptions, config["pycache_prefix"] == sys.pycache_prefix)
print(config["run_filename"] is not None, config["run_command"], config["run_module"])
print(config["_config_init"], config["parse_argv"], config["filesystem_encoding"], config["stdio_encoding"])

print(t.SIZEOF_PYGC_HEAD)
print(sys.getsizeof([]) - [].__sizeof__() == t.SIZEOF_PYGC_HEAD)
print(sys.getsizeof(1) - (1).__sizeof__())

print(t.get_recursion_depth())
def f(n):
    return t.get_recursion_depth() if n == 0 else f(n - 1)
print(f(0), f(5))
print(list(map(lambda _: t.get_recursion_depth(), [0])))
class C:
    def __repr__(self):
        return str(t.get_recursion_depth())
print(repr(C()))

for args in [(), (1,), ("a", 0, "strict", 1), ("a", "x"), ("a", 0, 5), ("a\0",),
             ("abc\xe9",), ("a\udcffb", 0, "surrogateescape"), ("a\udcffb", 0, "strict"),
             ("a", 0, "surrogatepass"), ("a", 0, "backslashreplace"), ("a", 0, None)]:
    try:
        print(ascii(t.EncodeLocaleEx(*args)))
    except Exception as e:
        print(type(e).__name__, e)
for args in [(), ("a",), (b"a", 0, "strict", 1), (b"\xff", 0, "strict"),
             (b"a\xffb", 0, "surrogateescape"), (b"a\0b",), (b"x\xa7\xe9", 0, "surrogateescape"),
             (b"\xed\xb2\x80", 0, "surrogateescape"), (b"\xed\xb2\x80",), (bytearray(b"a"),),
             (b"", 0, "surrogatepass"), (b"abc\xc3\xa9",)]:
    try:
        print(ascii(t.DecodeLocaleEx(*args)))
    except Exception as e:
        print(type(e).__name__, e)
