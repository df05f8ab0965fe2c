# Subclasses of int, bytes and tuple (types with a non-zero __itemsize__) get no
# __weakref__ slot and may not declare nonempty __slots__; other builtins' do.
import enum
import weakref


class I(int): pass
class B(bytes): pass
class T(tuple): pass
class F(float): pass
class S(str): pass
class L(list): pass
class FS(frozenset): pass


for cls in (I, B, T, F, S, L, FS):
    try:
        weakref.ref(cls())
        print(cls.__name__, "weakref ok", "__weakref__" in cls.__dict__)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)

print(int.__itemsize__, bytes.__itemsize__, tuple.__itemsize__, bool.__itemsize__, I.__itemsize__)

for base in (int, bytes, tuple):
    for slots in (("a",), ("__weakref__",), ("__dict__",), (), (1,)):
        try:
            X = type("X", (base,), {"__slots__": slots})
            print(base.__name__, slots, "ok", hasattr(X(), "__dict__"))
        except TypeError as e:
            print(base.__name__, slots, "TypeError:", e)

# Each subclass adding a __dict__ to a variable-size base changes the layout.
class A(int): pass
class A2(int): pass
try:
    class C(A, A2): pass
except TypeError as e:
    print("TypeError:", e)

class N(int):
    __slots__ = ()

class N2(N): pass
print(hasattr(N(1), "__dict__"), hasattr(N2(1), "__dict__"))

a = A(5)
a.x = 1
print(a, a.__dict__, vars(a))
t = T((1, 2))
t.y = 3
print(t, t.y, t.__dict__)


class E(enum.IntEnum):
    X = 1


try:
    weakref.ref(E.X)
except TypeError as e:
    print("TypeError:", e)
print(E.X.name, E.X + 1)
