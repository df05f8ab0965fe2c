"""gc.set_debug: DEBUG_COLLECTABLE reports each unreachable object on stderr;
DEBUG_LEAK also saves them in gc.garbage."""
import gc
gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)
l = []
l.append(l)
del l
class S:
    __slots__ = ('x',)
s = S(); s.x = s
del s
print(gc.collect())
gc.set_debug(gc.DEBUG_LEAK)
t = []
t.append(t)
del t
print(gc.collect(), len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
