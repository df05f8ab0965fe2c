# A long chain of deallocations is unwound iteratively; while an object waits
# in that chain its refcount is zero but its weak references are not yet
# cleared. A weakref callback of a neighbour that calls the weak reference must
# get None, not the dying object (resurrecting it freed it twice: a segfault).
import gc
import weakref


class C:
    def __init__(self, parent):
        if not parent:
            return
        wself = weakref.ref(self)

        def cb(wparent):
            o = wself()
            seen.append(o is None or type(o).__name__)

        self.wparent = weakref.ref(parent, cb)


seen = []
d = weakref.WeakKeyDictionary()
root = c = C(None)
for n in range(100):
    d[c] = c = C(c)
del root
gc.collect()
print("alive", len(d))
del c
gc.collect()
print("after", len(d), len(seen))
print("done")

# A proxy whose referent died: every operation raises ReferenceError (the
# referent's list must still be unlinked while its refcount is zero).
from collections import deque


class D(deque):
    pass


for cls in (deque, D):
    x = cls("ab")
    p = weakref.proxy(x)
    r = weakref.ref(x)
    del x
    gc.collect()
    print(type(p).__name__, r())
    for op in (str, iter, len, repr):
        try:
            op(p)
        except (ReferenceError, TypeError) as e:
            print(op.__name__, type(e).__name__, e)
