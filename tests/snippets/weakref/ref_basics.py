"""weakref.ref: calling, callbacks, equality and hashing, getweakrefcount/getweakrefs,
reuse of the basic reference, subclasses, which objects accept weak references."""
import gc
import weakref


class C:
    def __init__(self, n=0):
        self.n = n

    def __repr__(self):
        return 'C(%d)' % self.n


o = C(1)
r = weakref.ref(o)
print(r() is o, type(r).__name__, type(r) is weakref.ReferenceType)
print('same basic ref reused', weakref.ref(o) is r)
print(weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
del o
print('dead', r(), weakref.getweakrefcount(r))

# Callbacks receive the dead reference; they run in reverse order of creation.
events = []
o = C(2)
r1 = weakref.ref(o, lambda wr: events.append(('cb1', wr is r1, wr())))
r2 = weakref.ref(o, lambda wr: events.append(('cb2', wr is r2, wr())))
print('refs with callbacks are distinct', r1 is not r2, weakref.ref(o) is not r1)
print('count', weakref.getweakrefcount(o))
del o
print(events)
events.clear()

# A reference that dies before its referent never calls back.
o = C(3)
r3 = weakref.ref(o, lambda wr: events.append('never'))
del r3
del o
print('no callback', events)

# Callback exceptions are unraisable; the others still run.
o = C(4)
rr = weakref.ref(o, lambda wr: events.append('ok'))
del o
print(events)
events.clear()

# Equality: live references compare by referent, dead ones by identity.
a = C(5)
b = C(5)
ra = weakref.ref(a)
ra2 = weakref.ref(a, lambda wr: None)
rb = weakref.ref(b)
print('eq live', ra == ra2, ra == rb, ra != rb)
print('hash', hash(ra) == hash(a) if hasattr(C, '__hash__') else None)


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, E) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


e1 = E(1)
e2 = E(1)
re1 = weakref.ref(e1)
re2 = weakref.ref(e2)
print('eq by referent', re1 == re2, hash(re1) == hash(e1))
del e1
print('dead eq', re1 == re2, re1 == re1)
try:
    h = hash(weakref.ref(E(9)))
    print('hash of a dead ref without prior hash: no error?', h)
except TypeError as e:
    print('TypeError', e)
print('hash remembered', hash(re1) == hash(1))

# repr.
o = C(6)
r = weakref.ref(o)
print(repr(r).startswith('<weakref at 0x'), "to 'C' at 0x" in repr(r))
del o
print(repr(r).endswith('; dead>'))

# Subclassing ref.
class MyRef(weakref.ref):
    def __new__(cls, ob, callback=None, extra=None):
        return super().__new__(cls, ob, callback)

    def __init__(self, ob, callback=None, extra=None):
        super().__init__(ob, callback)
        self.extra = extra


o = C(7)
m = MyRef(o, None, 'x')
print(type(m).__name__, m() is o, m.extra, weakref.ref(o) is m)
print('getweakrefs', sorted(type(x).__name__ for x in weakref.getweakrefs(o)))

# Arguments.
for args in [(), (C(), None, 1)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    weakref.ref(C(), callback=None)
except TypeError as e:
    print('TypeError', e)
print('__callback__', weakref.ref(o).__callback__)
f = lambda wr: None
print('__callback__ set', weakref.ref(o, f).__callback__ is f)

# Which objects accept weak references.
def fn():
    pass


class S:
    __slots__ = ('a',)


class SW:
    __slots__ = ('a', '__weakref__')


for obj in [C(), fn, C, set(), frozenset(), SW(), iter([]), (x for x in []), weakref,
            type, print, len, property(), C.__init__, [].append]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, 'ok')
    except TypeError as e:
        print('TypeError', e)
for obj in [1, 'a', b'b', [], {}, (), None, 1.5, object(), S(), bytearray(), range(3)]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, 'accepted')
    except TypeError as e:
        print('TypeError', e)


class ListSub(list):
    pass


class DictSub(dict):
    pass


print('list subclass', weakref.ref(ListSub())() is None)
print('dict subclass', weakref.ref(DictSub()) is not None)
print(hasattr(S(), '__weakref__'), hasattr(SW(), '__weakref__'), SW().__weakref__)
o = SW()
r = weakref.ref(o)
print(o.__weakref__ is r)

# A weak reference to a cycle member is cleared when the collector frees the cycle,
# and its callback runs.
gc.disable()
x = C(8)
x.self = x
rx = weakref.ref(x, lambda wr: print('callback from gc, referent', wr()))
del x
print('before collect', rx() is not None)
gc.collect()
print('after collect', rx())
gc.enable()
