# functools.partial: construction, flattening, calls, repr, pickling state.
import functools
from functools import partial


def show(*args, **kw):
    return args, kw


p = partial(show, 1, 2, a=3)
print(p(3, b=4))
print(p(a=9))
print(p.func is show, p.args, p.keywords)
print(repr(partial(show)) == "functools.partial(%r)" % show)
print(repr(partial(len, 1, x=[1])).replace(repr(len), "LEN"))

# Flattening: a partial of a partial without a __dict__ is one partial.
q = partial(p, 5, c=6)
print(q.func is show, q.args, q.keywords)
p.attr = 1
r = partial(p, 7)
print(r.func is p, r.args)

# Keywords of the call override the stored ones; stored keywords are live.
k = partial(show, x=1)
print(k(x=2))
k.keywords["y"] = 3
print(k())


class P(partial):
    pass


print(repr(P(len, 1)).replace(repr(len), "LEN"), type(P(len)).__name__)
print(P(P(len, 1), 2).args, type(P(P(len, 1), 2).func))

# Errors
for args in [(), (1,), ("x", 1)]:
    try:
        partial(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    partial.__new__(partial)
except TypeError as e:
    print("TypeError:", e)
for name in ("func", "args", "keywords"):
    try:
        setattr(p, name, 1)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del p.__dict__
except TypeError as e:
    print("TypeError:", e)
try:
    p.__dict__ = 3
except TypeError as e:
    print("TypeError:", e)

# __reduce__ and __setstate__
f = partial(show, 1, k=2)
red = f.__reduce__()
print(red[0] is partial, red[1] == (show,), red[2][1:], red[2][0] is show)
g = partial(len)
for st in [1, (1, 2, 3), (show, (), None, None), (1, (), None, None), (show, [], None, None),
           (show, (1,), {"a": 1}, {"z": 5}), (show, (), 5, None)]:
    try:
        g.__setstate__(st)
        print("ok", g.args, g.keywords, g.__dict__)
    except TypeError as e:
        print("TypeError:", e)


class T(tuple):
    pass


class D(dict):
    pass


g.__setstate__((show, T((1, 2)), D(a=1), None))
print(type(g.args).__name__, type(g.keywords).__name__, g())

# Recursive repr
rp = partial(show)
rp.__setstate__((show, (rp,), {}, None))
print(repr(rp).replace(repr(show), "SHOW"))

# No __get__: a partial in a class body is not a method.


class C:
    m = partial(show, 0)


print(C().m(1), hasattr(partial, "__get__"))
print(partial[int])
import pickle
pp = pickle.loads(pickle.dumps(partial(show, 3, k=4)))
print(pp(-5, 1)[0], pp.args, list(pp.keywords))
import weakref
w = weakref.ref(pp)
print(w() is pp)
