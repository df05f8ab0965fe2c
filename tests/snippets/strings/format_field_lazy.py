# str.format resolves the first part of a field name before parsing the rest.
for fmt, args in [("{0.}", ()), ("{0.}", (1,)), ("{0[}", ()), ("{0[0]x}", (1,)),
                  ("{0[0]x}", ([1],)), ("{a.}", ()), ("{0..a}", (1,)), ("{0[]}", ([1],))]:
    try:
        print(repr(fmt.format(*args)))
    except Exception as e:
        print(fmt, args, type(e).__name__, e)
try:
    "{0.}".format_map({})
except Exception as e:
    print(type(e).__name__, e)
try:
    "{x.}".format_map({})
except Exception as e:
    print(type(e).__name__, e)

# str.__getnewargs__ always copies.
s = "abc"
args = s.__getnewargs__()
print(args, args[0] == s, args[0] is s, type(args[0]).__name__)
class S(str):
    pass
print(S("xy").__getnewargs__(), type(S("xy").__getnewargs__()[0]).__name__)
print(repr("".__getnewargs__()[0]))
print("a".__getnewargs__()[0] == "a")
