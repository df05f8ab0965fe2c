# The warnings module on top of _warnings: filters, actions, registries,
# catch_warnings, formatting, and the low-level _warnings interface.
import sys
import warnings
import _warnings

print(sorted(n for n in dir(_warnings) if not n.startswith('__')))
print(warnings.filters is _warnings.filters, warnings.defaultaction, warnings.onceregistry)
print(warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit)
print([(a, m, c.__name__, mod, ln) for a, m, c, mod, ln in warnings.filters])


def show(log):
    for w in log:
        print(" ", w.category.__name__, str(w.message), w.lineno,
              w.filename == __file__, w.line, w.source)


def run(action, calls=3, **kw):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action, **kw)
        for i in range(calls):
            warnings.warn("repeated")
            warnings.warn("other", RuntimeWarning)
    print(action, len(log))
    show(log)


for action in ("default", "always", "once", "module", "ignore"):
    run(action)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", FutureWarning)
    except FutureWarning as e:
        print("raised", type(e).__name__, e)
    try:
        warnings.warn(UserWarning("instance"))
    except UserWarning as e:
        print("raised instance", e.args)

# filterwarnings: message regex (case-insensitive, match at the start), module,
# category, lineno.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", message="keep")
    warnings.warn("KEEP this")
    warnings.warn("drop this")
    warnings.warn("this keep")
    warnings.filterwarnings("always", category=DeprecationWarning, module="__main__")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn("pending", PendingDeprecationWarning)
show(log)
print(len(warnings.filters))

# The registry in the caller's globals.
warnings.resetwarnings()
print(warnings.filters)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(2):
        warnings.warn("reg")
show(log)
reg = globals()["__warningregistry__"]
print(sorted((k if isinstance(k, str) else (k[0], k[1].__name__, k[2])) for k in reg if k != "version"))

# stacklevel: attribute the warning to a caller, or to "sys" past the top.
def deprecated_api():
    warnings.warn("use something else", DeprecationWarning, stacklevel=2)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    deprecated_api()
    warnings.warn("far", stacklevel=50)
    warnings.warn("zero", stacklevel=0)
    warnings.warn("neg", stacklevel=-3)
for w in log:
    print(w.category.__name__, w.message, w.filename == __file__, w.filename if w.filename == "sys" else "", w.lineno)

# warn_explicit with a module, a registry and module_globals.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    r = {}
    for i in range(2):
        warnings.warn_explicit("explicit", UserWarning, "somefile.py", 12, registry=r)
    warnings.warn_explicit("no module", SyntaxWarning, "mod.py", 3, module="zzz")
    warnings.warn_explicit(SyntaxWarning("inst"), None, "mod.py", 4)
print([(str(w.message), w.category.__name__, w.filename, w.lineno) for w in log])
print(sorted(k for k in r if k != "version"), "version" in r)

# Formatting and showing.
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 7, "  the line  ")))
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 7)))


class Out:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


out = Out()
warnings.showwarning("shown", RuntimeWarning, "x.py", 3, file=out, line="code()")
print(out.parts)
msg = warnings.WarningMessage("m", UserWarning, "f.py", 1)
print(str(msg))
print(warnings.WarningMessage._WARNING_DETAILS)

# A replaced showwarning is called by warn().
seen = []
old = warnings.showwarning
warnings.showwarning = lambda *a: seen.append((str(a[0]), a[1].__name__, a[3], a[4], a[5]))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = lambda *a: seen.append((str(a[0]), a[1].__name__, a[3], a[4], a[5]))
    warnings.warn("to the hook")
warnings.showwarning = old
print(seen)

# catch_warnings: repr, reentry, action argument.
cw = warnings.catch_warnings(record=True)
print(repr(cw))
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print(e)
try:
    warnings.catch_warnings().__exit__()
except RuntimeError as e:
    print(e)
with warnings.catch_warnings(action="error", category=RuntimeWarning):
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("caught", e)

# Errors.
for args, kw in [((), {}), (("x", "notacategory"), {}), (("x", int), {}),
                 (("x",), {"stacklevel": "a"}), (("x", UserWarning, 1, None, 5), {})]:
    try:
        warnings.warn(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
for args, kw in [(("x", UserWarning, 3, 4), {}), (("x", UserWarning, "f", "a"), {}),
                 (("x", UserWarning, "f", 2**40), {}),
                 (("x", UserWarning, "f", 1), {"registry": 3}),
                 (("x", UserWarning, "f", 1), {"module_globals": 3}),
                 (("x", UserWarning, "f", 1), {"bogus": 3}),
                 (("x", None, "f", 1), {})]:
    try:
        warnings.warn_explicit(*args, **kw)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for bad in [("x", None, Warning, None, 0), (1, None, Warning, None, 0), [1]]:
    with warnings.catch_warnings():
        warnings.filters[:] = [bad]
        try:
            warnings.warn("a")
        except Exception as e:
            print(type(e).__name__ + ":", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)

# -W option parsing helpers.
for opt in ["error::DeprecationWarning", "i::UserWarning:mod:5", "a", "bogus", "e:m:NoSuch",
            "e:m:sys.NoSuch", "e::int", "e:a:b:c:d:e", "d:::: -1"]:
    try:
        warnings._setoption(opt)
        print(opt, "->", warnings.filters[0])
    except warnings._OptionError as e:
        print(opt, "->", "_OptionError:", e)
warnings.resetwarnings()
print(warnings._getaction(""), warnings._getaction("all"), warnings._getaction("m"))
