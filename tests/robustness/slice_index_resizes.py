# Slice indexes (and other arguments) whose __index__ resizes the sequence being
# indexed: the length is read again afterwards, never a Rust panic.
import array
a = array.array('i', range(10))
class E:
    def __index__(self):
        del a[:]
        return 8
try:
    print(a[E():])
except Exception as e: print(type(e).__name__, e)
a = array.array('i', range(10))
try:
    a[E():] = array.array('i', [1])
    print(a)
except Exception as e: print(type(e).__name__, e)
a = array.array('i', range(10))
try:
    del a[2:E():2]
    print(a)
except Exception as e: print(type(e).__name__, e)
b = bytearray(range(10))
class F:
    def __index__(self):
        del b[:]
        return 8
try:
    print(b[F():])
except Exception as e: print(type(e).__name__, e)
l = list(range(10))
class E:
    def __index__(self):
        del l[:]
        return 8
for f in [lambda: l[E():], lambda: l.__setitem__(slice(E(), None), [1]), lambda: l.__delitem__(slice(2, E(), 2)), lambda: l.__setitem__(slice(2, E(), 2), [1,2,3])]:
    l[:] = range(10)
    try: print(f(), l)
    except Exception as e: print(type(e).__name__, e)
b = bytearray(range(10))
class F:
    def __index__(self):
        del b[:]
        return 8
for f in [lambda: b[F():], lambda: b.__setitem__(slice(F(), None), b'x'), lambda: b.__delitem__(slice(2, F(), 2)), lambda: b.__setitem__(slice(2, F(), 2), b'abc'), lambda: b.__setitem__(slice(F(), None, 2), b'a')]:
    b[:] = range(10)
    try: print(f(), b)
    except Exception as e: print(type(e).__name__, e)
b = bytearray(range(10))
b[2:8] = (b.clear() or x for x in [1, 2])
print(b)
b = bytearray(range(10))
try:
    b[1:9:2] = (b.clear() or x for x in [1, 2])
except ValueError as e:
    print("ValueError", e, b)
a = array.array('b', range(10))
a.extend(a.clear() if False else x for x in [1])
print(a)
a = array.array('i', range(5))
class G:
    def __index__(self):
        a.append(99)
        return 1
print(a[G()], a.pop(G()), a, a.index(99, G()))
a.insert(G(), 7)
print(a)
