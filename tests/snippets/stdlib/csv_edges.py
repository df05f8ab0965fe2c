# _csv edge cases: Dialect subclass, argument errors, int conversion, iterator errors, non-BMP, writer return.
import _csv, csv, io, gc
class D(_csv.Dialect):
    pass
d = D(delimiter=";")
print(type(d).__name__, d.delimiter, isinstance(d, _csv.Dialect))
for kw in [dict(quoting=True), dict(quoting=2**40), dict(quoting=2**70), dict(delimiter=""), dict(quotechar=""), dict(escapechar="ab"), dict(strict=1, doublequote=0)]:
    try:
        x = _csv.Dialect(**kw)
        print(kw, x.strict, x.doublequote, x.quoting)
    except Exception as e:
        print(kw, type(e).__name__, e)
for call in [lambda: _csv.Dialect(",", 1), lambda: csv.reader(["a"], "excel", dialect="x"), lambda: _csv.Dialect(bogus=1),
             lambda: csv.reader([], "a", "b"), lambda: csv.writer(), lambda: csv.register_dialect(), lambda: csv.field_size_limit(new_limit=10),
             lambda: csv.field_size_limit(1, 2), lambda: csv.get_dialect(), lambda: csv.register_dialect("x", "nope")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
csv.field_size_limit(131072)
def gen():
    yield "a,b"
    raise KeyError("boom")
r = csv.reader(gen())
print(next(r))
try:
    next(r)
except KeyError as e:
    print("KeyError", e)
print(list(csv.reader(["\U0001f600,\x00x,é"])))
s = io.StringIO(); csv.writer(s, delimiter="\U0001f600").writerow(["a\U0001f600b", "c"]); print(repr(s.getvalue()))
L = ["a,b"]; r = csv.reader(L); L.append(r); del r, L; print(gc.collect() > 0)
print(list(csv.reader(['"a,b', 'c"'])), list(csv.reader(['ab"c,"d"e'])))
print(list(csv.reader(['a, "b,c"'], skipinitialspace=True)))
print(list(csv.reader(['a\\'], escapechar='\\')), list(csv.reader(['"a\\'], escapechar='\\')))
print(list(csv.reader(['a,b'], quoting=csv.QUOTE_NONNUMERIC, quotechar=None)) if False else 0)
try:
    print(list(csv.reader(['1,'], quoting=csv.QUOTE_NONNUMERIC)))
except Exception as e: print(type(e).__name__, e)
class W:
    def write(self, s): return len(s) * 10
print(csv.writer(W()).writerow(["abc"]))
try:
    d.delimiter = "x"
except AttributeError as e:
    print(e)
print(repr(_csv.Dialect.delimiter.__doc__), _csv.Dialect.__module__ if hasattr(_csv.Dialect, "__module__") else "")
for call in [lambda: _csv.Dialect(*range(10)), lambda: _csv.Dialect(**{k: None for k in "abcdefghij"})]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
import pickle, copy
for f in [lambda: pickle.dumps(csv.get_dialect("excel")), lambda: copy.copy(d), lambda: d.__reduce_ex__(2)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
