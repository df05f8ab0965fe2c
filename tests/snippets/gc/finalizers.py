"""PEP 442: __del__ runs once, a cycle with __del__ is collected, an object resurrected
by its __del__ survives (and its __del__ does not run again), gc.is_finalized."""
import gc

gc.disable()
gc.collect()
log = []


class D:
    __slots__ = ('name', 'other', '__weakref__')

    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append('del ' + self.name)


# Without a cycle: __del__ runs the moment the last reference goes.
x = D('plain')
del x
print(log)
log.clear()

# A cycle of objects with __del__ is collected; each __del__ runs once.
a = D('a')
b = D('b')
a.other = b
b.other = a
del a, b
print('before collect', log)
print('collected', gc.collect())
print(sorted(log))
log.clear()
print('again', gc.collect(), log)

# A self-cycle.
s = D('self')
s.other = s
del s
print('collected', gc.collect(), log)
log.clear()

# Resurrection: __del__ stores a reference to the object somewhere reachable.
saved = []


class R:
    __slots__ = ('me', 'count')

    def __init__(self):
        self.me = self
        self.count = 0

    def __del__(self):
        self.count += 1
        log.append('R.__del__ %d' % self.count)
        saved.append(self)


R()
print('collected', gc.collect())
print(log, len(saved), saved[0].count)
print('finalized', gc.is_finalized(saved[0]))
log.clear()
# Dropping it again: it is still a cycle; __del__ does not run a second time.
saved.clear()
print('collected', gc.collect())
print(log)

# Resurrection of a plain (non-cycle) object: __del__ runs once even though the
# object is freed later.
class Once:
    def __del__(self):
        log.append('Once.__del__')
        keep.append(self)


keep = []
o = Once()
del o
print(log, len(keep))
log.clear()
keep.clear()
print('after second drop', log)

# is_finalized.
class F:
    def __del__(self):
        pass


f = F()
print('is_finalized', gc.is_finalized(f), gc.is_finalized(1), gc.is_finalized([]))

# Objects reachable from a cycle with __del__ are still alive while __del__ runs.
class Holder:
    __slots__ = ('items', 'me')

    def __del__(self):
        log.append('items seen by __del__: %r' % (self.items,))


h = Holder()
h.items = [1, 2, 3]
h.me = h
del h
gc.collect()
print(log)
log.clear()

# A finalizer that raises is reported (unraisable) and the collection goes on.
class Bad:
    __slots__ = ('me',)

    def __del__(self):
        log.append('Bad.__del__')
        raise ValueError('from __del__')


bb = Bad()
bb.me = bb
del bb
print('collected', gc.collect(), log)
log.clear()

# __del__ of a cycle member can see the other members (they are not cleared yet).
class Pair:
    __slots__ = ('peer', 'tag')

    def __del__(self):
        log.append('%s sees %s' % (self.tag, self.peer.tag))


p = Pair()
q = Pair()
p.tag, q.tag = 'p', 'q'
p.peer, q.peer = q, p
del p, q
gc.collect()
print(sorted(log))
gc.enable()
