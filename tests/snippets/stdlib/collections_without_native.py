# collections imports with _collections blocked (as CPython's tests of the
# pure-Python halves do): deque and defaultdict are absent, the rest works.
import sys

saved = {k: sys.modules.pop(k) for k in ("collections", "_collections") if k in sys.modules}
sys.modules["_collections"] = None
try:
    import collections as pure
finally:
    del sys.modules["_collections"]
    sys.modules.pop("collections", None)
    sys.modules.update(saved)

print(hasattr(pure, "deque"), hasattr(pure, "defaultdict"))
od = pure.OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(list(od), od.popitem(last=False))
P = pure.namedtuple("P", "x y")
p = P(1, 2)
print(p, p.x, p.y, P.x.__doc__)
print(pure.Counter("abracadabra").most_common(3))
import collections
print(collections.deque is not None, pure.OrderedDict is not collections.OrderedDict)
