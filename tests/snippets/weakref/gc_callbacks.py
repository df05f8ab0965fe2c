"""Weak references to objects freed by the collector: every reference is cleared
before any callback or finalizer runs; callbacks run (newest reference first for each
object), then the __del__ methods; a weak reference that dies with its referent calls
nothing."""
import gc, weakref
gc.disable()
class N:
    __slots__ = ('o', 'name', '__weakref__')
    def __init__(self, name): self.name = name
    def __del__(self): print('del', self.name)
a, b, c = N('a'), N('b'), N('c')
a.o, b.o, c.o = b, c, a
refs = [weakref.ref(x, lambda r, n=x.name: print('callback', n, r())) for x in (a, b, c)]
ra2 = weakref.ref(a, lambda r: print('callback a2'))
p = weakref.proxy(b, lambda r: print('proxy callback'))
del a, b, c
print('collect', gc.collect())
print([r() for r in refs])
# weakref inside the garbage: no callback
x = N('x'); y = N('y'); x.o = y
y.o = weakref.ref(x, lambda r: print('never'))
del x, y
print('collect', gc.collect())

# A weak reference that is part of the garbage does not call back.
s = N('s')
s.o = weakref.ref(s, lambda r: print('never either'))
del s
print('collect', gc.collect())

# A callback that resurrects nothing but allocates and collects.
z = N('z')
z.o = z
keep = weakref.ref(z, lambda r: print('callback collects', gc.collect()))
del z
print('collect', gc.collect())
gc.enable()
