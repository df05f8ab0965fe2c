# type.__bases__ assignment (type_set_bases): method resolution, subclasses' MROs,
# subclass lists, cached lookups, and every error message.

def names(seq):
    return [c.__name__ for c in seq]


class A:
    def who(self):
        return "A"

    x = 1


class B:
    def who(self):
        return "B"

    x = 2


class C(A):
    pass


class D(C):
    pass


d = D()
print(d.who(), D.x, names(D.__mro__))
C.__bases__ = (B,)
print(d.who(), D.x, names(C.__mro__), names(D.__mro__))
print(C.__base__.__name__, names(C.__bases__))
print(isinstance(d, A), isinstance(d, B), issubclass(D, A), issubclass(D, B))
print(names(A.__subclasses__()), names(B.__subclasses__()))

# Several bases.
C.__bases__ = (A, B)
print(d.who(), names(D.__mro__), names(A.__subclasses__()), names(B.__subclasses__()))
C.__bases__ = (B, A)
print(d.who(), names(D.__mro__))

# A tuple subclass is accepted.
class T(tuple):
    pass


C.__bases__ = T((A,))
print(type(C.__bases__).__name__, names(C.__mro__))

# A cached attribute lookup in a loop sees the new base.
class P:
    def f(self):
        return "P"


class Q:
    def f(self):
        return "Q"


class R(P):
    pass


r = R()
out = []
for i in range(40):
    if i == 20:
        R.__bases__ = (Q,)
    out.append(r.f())
    out.append(R.f(r))
print("".join(out))
# A class attribute looked up through the type.
vals = []
for i in range(30):
    if i == 15:
        R.__bases__ = (P,)
    vals.append(R.f.__qualname__)
print(vals[0], vals[14], vals[15], vals[29])

# Special methods (slots) follow the new base.
class L1:
    def __len__(self):
        return 1

    def __repr__(self):
        return "<L1>"


class L2:
    def __len__(self):
        return 2


class M(L1):
    pass


m = M()
print(len(m), repr(m))
M.__bases__ = (L2,)
print(len(m), repr(m).startswith("<__main__.M object"))


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("no error")


def setb(cls, value):
    def f():
        cls.__bases__ = value
    return f


err(setb(C, [A]))
err(setb(C, ()))
err(setb(C, (A, 1)))
err(setb(C, (D,)))
err(setb(C, (C,)))
err(setb(int, (object,)))
err(setb(object, (A,)))


def delb():
    del C.__bases__


err(delb)
err(setb(C, (A, A)))
err(setb(C, (bool,)))
err(setb(C, (int,)))


class G1:
    pass


class G2(G1):
    pass


class N:
    __slots__ = ()


err(setb(G2, (object,)))
err(setb(N, (G1,)))


class O1:
    pass


class O2:
    pass


class X(O1, O2):
    pass


class Y(O2, O1):
    pass


class Z(X):
    pass


err(setb(Z, (X, Y)))
print(names(Z.__mro__), names(Z.__bases__))
print(names(X.__subclasses__()), names(Y.__subclasses__()))


# A custom mro() that raises for a subclass: every MRO is put back.
class Meta(type):
    fail = False

    def mro(cls):
        if Meta.fail and cls.__name__ == "K2":
            raise RuntimeError("no mro for K2")
        return type.mro(cls)


class K00:
    pass


class K0(K00):
    pass


class K1(K00, metaclass=Meta):
    pass


class K2(K1):
    pass


Meta.fail = True
err(setb(K1, (K0,)))
print(names(K1.__mro__), names(K2.__mro__), names(K1.__bases__))
print(names(K0.__subclasses__()), issubclass(K2, K0))
Meta.fail = False
K1.__bases__ = (K0,)
print(names(K1.__mro__), names(K2.__mro__), issubclass(K2, K0))


# Layout compatibility (compatible_for_assignment / same_slots_added), for
# __class__ and __bases__ alike.
class H:
    __slots__ = ["a", "b"]


class I:
    __slots__ = ["b", "a"]


class J:
    __slots__ = ["c", "b"]


class K:
    __slots__ = ["a", "b", "d"]


class HD:
    __slots__ = ["a", "b", "__dict__"]


class ID:
    __slots__ = ["b", "a", "__dict__"]


class HW:
    __slots__ = ["a", "b", "__weakref__"]


class Plain:
    pass


class WithDict:
    __slots__ = ["__dict__"]


class Sub(H):
    pass


def setc(obj, cls):
    def f():
        obj.__class__ = cls
        print("ok", type(obj).__name__)
    return f


err(setc(H(), I))
err(setc(H(), J))
err(setc(H(), K))
err(setc(HD(), ID))
err(setc(HD(), H))
err(setc(HW(), H))
err(setc(Plain(), WithDict))
err(setc(Plain(), H))
err(setc(WithDict(), Plain))
err(setb(Sub, (I,)))
print(names(Sub.__mro__))
err(setb(Sub, (J,)))
print(names(Sub.__mro__))


# Instances keep working when the new base has the same slots.
class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("a",)


class ST(S1):
    pass


st = ST()
st.a = 1
st.z = 3
ST.__bases__ = (S2,)
print(st.a, st.z, names(ST.__mro__), isinstance(st, S1), isinstance(st, S2))


# A custom mro() that extends its class while the class is still being made.
class IncMeta(type):
    def mro(cls):
        if cls.__mro__ is None and cls.__name__ != "X":
            try:
                class X(cls):
                    pass
            except TypeError as e:
                print("TypeError", e)
        return type.mro(cls)


class Inc(metaclass=IncMeta):
    pass


print(names(Inc.__mro__), Inc.__subclasses__())
