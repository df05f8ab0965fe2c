# C types' __reduce__ pickle slots as well as __dict__ (_PyObject_GetState);
# a StringIO made by __new__ alone accepts __setstate__ (unpickling).
import io
import pickle
from collections import deque


class DequeWithSlots(deque):
    __slots__ = ('x', 'y', '__dict__')


class SetWithSlots(set):
    __slots__ = ('x', '__dict__')


for cls, args in ((DequeWithSlots, ('abc',)), (DequeWithSlots, ('abcde', 4)),
                  (SetWithSlots, ('ab',))):
    d = cls(*args)
    d.x = ['x']
    d.z = ['z']
    state = d.__reduce_ex__(2)[2]
    print(cls.__name__, state)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        e = pickle.loads(pickle.dumps(d, proto))
        print(proto, type(e).__name__, sorted(e) if isinstance(e, set) else list(e),
              e.x, e.z, getattr(e, 'maxlen', None))

s = io.StringIO("foo\nbar")
s.seek(2)
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    t = pickle.loads(pickle.dumps(s, proto))
    print(proto, repr(t.getvalue()), t.tell())
u = io.StringIO.__new__(io.StringIO)
u.__setstate__(("abc", "\n", 1, None))
print(repr(u.read()))
s.close()
try:
    s.__setstate__(("abc", "\n", 0, None))
except ValueError as e:
    print("ValueError", e)
