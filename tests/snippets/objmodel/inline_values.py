"""Instance attributes of classes with shared keys (PEP 412 with 3.11's inline values):
set, read, delete and re-add; vars() order; __dict__ materialised, replaced, deleted;
more names than the shared keys take; __class__ assignment; gc views; and the
specialised LOAD_ATTR/STORE_ATTR/LOAD_METHOD forms warmed up, then missing."""

import copy
import gc
import pickle
import weakref


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


p = P(1, 2)
print(p.x, p.y, vars(p), p.__dict__ == {"x": 1, "y": 2})
del p.x
print(vars(p), hasattr(p, "x"))
p.x = 10
print(vars(p), list(p.__dict__))
try:
    del p.zz
except AttributeError as e:
    print("AttributeError", e)
try:
    print(p.nope)
except AttributeError as e:
    print("AttributeError", e)

# The dict, once asked for, is the one place attributes live.
q = P(3, 4)
d = q.__dict__
q.z = 5
d["w"] = 6
print(q.w, sorted(d), d is q.__dict__, list(d))
d[1] = "int key"
print(list(vars(q)), q.__dict__[1])
del q.__dict__
print(vars(q))
q.a = 1
print(vars(q))
q.__dict__ = {"b": 2}
print(q.b, vars(q))
try:
    q.__dict__ = [1]
except TypeError as e:
    print("TypeError", e)

# Insertion order is per instance.
r1 = P(0, 0)
r2 = P(0, 0)
r1.c = 1
r1.b = 2
r2.b = 3
r2.c = 4
print(list(vars(r1)), list(vars(r2)))
del r1.x
r1.x = 7
print(list(vars(r1)))

# More names than the shared keys take (30): the rest go to a dict.
class Many:
    pass


m = Many()
for i in range(45):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a0, m.a44, list(vars(m))[:3], list(vars(m))[-2:])
others = [Many() for _ in range(40)]
for i, o in enumerate(others):
    setattr(o, "k%d" % i, i)
print(sum(getattr(o, "k%d" % i) for i, o in enumerate(others)), [list(vars(o)) for o in others[-2:]])


# A name that is a str subclass.
class S(str):
    pass


s = P(1, 1)
setattr(s, S("sub"), 9)
print(s.sub, getattr(s, S("sub")), sorted(vars(s)))

# __class__ assignment keeps the attributes.
class Q:
    def __init__(self):
        self.k = "q"


class R:
    pass


o = Q()
o.extra = 1
o.__class__ = R
print(type(o).__name__, vars(o), o.k)
o.__class__ = Q
print(vars(o))

# gc sees the values; a materialised dict is tracked only if it must be.
g = P([1], "s")
print(gc.get_referents(g)[:2], gc.is_tracked(g))
print(gc.is_tracked(P(1, 2).__dict__), gc.is_tracked(P([], 2).__dict__))

# Copy and pickle read the attributes.
c = copy.copy(P(5, 6))
print(vars(c), vars(copy.deepcopy(P([1], {2: 3}))))
print(vars(pickle.loads(pickle.dumps(P(7, 8)))))

# Values are released with the instance, and cycles through them are collected.
class D:
    def __del__(self):
        print("D released")


h = P(D(), None)
del h
cyc = P(None, None)
cyc.x = cyc
wr = weakref.ref(cyc)
del cyc
gc.collect()
print(wr())

# Subclasses: more slots, a list base, __slots__ with __dict__.
class Sub(P):
    __slots__ = ("extra",)


sb = Sub(1, 2)
sb.extra = 3
sb.more = 4
print(vars(sb), sb.extra)


class L(list):
    pass


ll = L([1])
ll.tag = "t"
print(vars(ll), ll)


class WithDictSlot:
    __slots__ = ("__dict__", "s")


w = WithDictSlot()
w.s = 1
w.t = 2
print(vars(w), w.s)
o2 = object.__new__(P)
print(vars(o2))
o2.y = 1
print(vars(o2))

# Specialised forms, warmed up and then missing.
def loop(objs):
    t = 0
    for ob in objs:
        t += ob.x
        ob.y = ob.x % 7
        t += ob.norm()
    return t


objs = [P(i, i) for i in range(100)]
print(loop(objs))
objs[50].__dict__  # materialised: the specialised forms miss on it
print(loop(objs))
del objs[60].x
try:
    loop(objs)
except AttributeError as e:
    print("AttributeError", e)
objs[60].x = 1
objs[70].norm = lambda: 1000  # an instance attribute shadows the method
print(loop(objs))
P.norm = lambda self: -1
print(loop(objs))
P.x = property(lambda self: 2)
print(loop(objs))
