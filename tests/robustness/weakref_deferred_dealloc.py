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
