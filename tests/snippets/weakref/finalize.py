"""weakref.finalize: called when the object dies, at most once; detach, alive, peek,
the atexit flag, and explicit calls. Every finalizer is dead by the end of the
program, so the result does not depend on the atexit module."""
import gc
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def cleanup(*args, **kwargs):
    print('cleanup', args, sorted(kwargs.items()))
    return 'result'


r = Res('r1')
f = weakref.finalize(r, cleanup, 'r1', flag=True)
print('alive', f.alive, 'atexit', f.atexit)
peek = f.peek()
print('peek', peek[0] is r, peek[1] is cleanup, peek[2], peek[3])
print('before del')
del r, peek
print('after del, alive', f.alive, 'peek', f.peek())
print('second call', f())

# An explicit call runs the function and returns its result; the object's death later
# calls nothing.
r = Res('r2')
f = weakref.finalize(r, cleanup, 'explicit')
print('call', f())
print('alive', f.alive, 'again', f())
del r
print('after del')

# detach: returns (obj, func, args, kwargs) and the finalizer is dead.
r = Res('r3')
f = weakref.finalize(r, cleanup, 'detached', k=1)
d = f.detach()
print('detach', d[0] is r, d[1] is cleanup, d[2], d[3])
print('alive', f.alive, 'detach again', f.detach())
del r, d
print('nothing called')

# Several finalizers on one object run newest first.
r = Res('r4')
f1 = weakref.finalize(r, cleanup, 'first')
f2 = weakref.finalize(r, cleanup, 'second')
print('distinct', f1 is not f2)
del r

# The atexit flag.
r = Res('r5')
f = weakref.finalize(r, cleanup, 'atexit test')
f.atexit = False
print('atexit', f.atexit)
f.atexit = True
print('atexit', f.atexit)
del r

# In a cycle: called when the collector frees it.
gc.disable()
r = Res('r6')
r.me = r
f = weakref.finalize(r, cleanup, 'cycle')
del r
print('before collect', f.alive)
gc.collect()
print('after collect', f.alive)
gc.enable()

# The function must not be the object itself (it would keep it alive), but any
# callable works.
r = Res('r7')
f = weakref.finalize(r, print, 'print as finalizer', sep='|')
del r

# Errors.
try:
    weakref.finalize(1, cleanup)
except TypeError as e:
    print('TypeError', e)
try:
    weakref.finalize()
except TypeError as e:
    print('TypeError', type(e).__name__)
print(type(weakref.finalize).__name__, weakref.finalize.__module__)
