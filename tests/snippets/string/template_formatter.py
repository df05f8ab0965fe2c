import string
print(string.__all__)
for name in ["whitespace", "ascii_lowercase", "ascii_uppercase", "ascii_letters",
             "digits", "hexdigits", "octdigits", "punctuation", "printable"]:
    print(name, repr(getattr(string, name)))
print(string.capwords(" hello   world  foo"), string.capwords("a-b-c", "-"), repr(string.capwords("")))
print(string.capwords("ab  cd", " "))

T = string.Template
print(T("$who likes $what").substitute(who="tim", what="kung pao"))
print(T("$who likes ${what}s $$").substitute({"who": "a", "what": 1}, what=2))
print(T("${who}x").safe_substitute())
print(T("$who $").safe_substitute(who=3))
for tpl, kw in [("$who likes $", {"who": 1}), ("abc\n$who\n  $ x", {"who": 1}),
                ("$", {}), ("${", {}), ("${ab", {"ab": 1}), ("$1", {})]:
    try:
        print(T(tpl).substitute(**kw))
    except ValueError as e:
        print("ValueError:", e)
try:
    T("$missing").substitute()
except KeyError as e:
    print("KeyError:", e)
print(T("$a ${b} $$ $a $c").get_identifiers(), T("$a ${b} $$").is_valid(), T("$a $").is_valid())
print(T("$ü").safe_substitute(ü=1), T("$K").safe_substitute(K=1))

class Pct(T):
    delimiter = "%"
    idpattern = "[a-z]+_[a-z]+"
print(Pct("%who_x %% %hello").safe_substitute(who_x="X"))

class Braced(T):
    braceidpattern = r"[a-z.]+"
print(Braced("${a.b} $c").safe_substitute({"a.b": 1, "c": 2}))

class Custom(T):
    pattern = r"@(?P<named>[a-z]+)|@\{(?P<braced>[a-z]+)\}|(?P<escaped>@@)|(?P<invalid>@)"
try:
    T("$a").substitute()
except KeyError as e:
    print("KeyError", e)
class NoBraced(T):
    pattern = r"(?P<named>zz)|q"
try:
    NoBraced("q").substitute()
except IndexError as e:
    print("IndexError", e)
print(Custom("@x @{y} @@ ").substitute(x=1, y=2), Custom.pattern.flags & 64 != 0)

class Bad(T):
    pattern = r"(?P<named>zz)|(?P<braced>yy)|(?P<escaped>xx)|(?P<invalid>ww)|(?P<other>q)"
for meth in ["substitute", "safe_substitute"]:
    try:
        getattr(Bad("q"), meth)()
    except ValueError as e:
        print("ValueError:", e.args[0])
for meth in ["is_valid", "get_identifiers"]:
    try:
        getattr(Bad("q"), meth)()
    except ValueError as e:
        print("ValueError:", e.args[0])
try:
    T("x").substitute({}, {})
except TypeError as e:
    print("TypeError:", e)

F = string.Formatter()
print(F.format("{} {} {x!r:>6}", 1, "a", x="q"))
print(F.format("{0[1]} {0[k]} {1.real:{2}.{3}}", {1: "one", "k": "kay"}, 2.5, 8, 3))
print(F.vformat("{a}-{b}", (), {"a": 1, "b": 2}))
print(list(F.parse("a{b!r:c}d{{e}}{}")))
print(F.get_field("0.imag", [3j], {}), F.convert_field("x", "a"), F.format_field(3, "05"))
for fmt, args in [("{}{0}", (1,)), ("{0}{}", (1,)), ("{0:{1:{2}}}", (1, 2, 3)),
                  ("{!x}", (1,)), ("{", ()), ("}", ()), ("{5}", ()), ("{a}", ())]:
    try:
        print(F.format(fmt, *args))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)

class Strict(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        print("used", sorted(map(str, used)))
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "<%s>" % key) if isinstance(key, str) else args[key]
print(Strict().format("{a} {b} {0}", 9, a=1))
try:
    F.format()
except TypeError as e:
    print("TypeError:", e)
