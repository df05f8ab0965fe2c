# Descriptor and type corner cases from test_descr.
import sys
import types


# A descriptor with __set__ but no __get__ is shadowed by the instance dict.
class SetOnly:
    def __init__(self, name):
        self.name = name

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value


descr = SetOnly("a")


class X:
    a = descr


x = X()
print(x.a is descr)
x.a = 42
print(x.a)


class Meta(type):
    pass


class Y(metaclass=Meta):
    pass


Y.a = 42
Meta.a = SetOnly("a")
print(Y.a)

# property's fget/fset/fdel are read-only members.
p = property(lambda s: 1)
for attr in ("fget", "fset", "fdel"):
    try:
        setattr(p, attr, None)
    except AttributeError as e:
        print(attr, type(e).__name__, e)
print(p.fset, p.fdel, p.fget(None))

# type.__getattribute__ needs a str name.
try:
    type.__getattribute__(list, type)
except TypeError as e:
    print("TypeError", e)


# A secondary base can provide __dict__ and __weakref__ even with __slots__.
class A:
    __slots__ = ()


class B:
    pass


class C(A, B):
    __slots__ = ()


c = C()
c.x = 2
print(c.__dict__, hasattr(C, "__dict__"), hasattr(C, "__weakref__"))
print(C.__basicsize__ == B.__basicsize__)


class D:
    __slots__ = ["__dict__"]


class W:
    __slots__ = ["__weakref__"]


class C1(W, D):
    __slots__ = []


a = C1()
a.foo = 42
print(a.__dict__, hasattr(a, "__weakref__"))


# __classcell__ and __qualname__ may be slot names.
class MetaAttr(type):
    def __new__(cls, name, bases, namespace, attr):
        print(attr in namespace)
        return super().__new__(cls, name, bases, namespace)


class P:
    def __init__(self):
        self.b = 42


class Q(P, metaclass=MetaAttr, attr="__classcell__"):
    __slots__ = ["__classcell__"]

    def __init__(self):
        super().__init__()


print(type(Q.__dict__["__classcell__"]).__name__)
q = Q()
print(q.b, hasattr(q, "__classcell__"))
q.__classcell__ = 42
print(q.__classcell__)
try:
    class R:
        __classcell__ = 42
        __slots__ = ["__classcell__"]
except TypeError as e:
    print("TypeError", e)


class Q1(metaclass=MetaAttr, attr="__qualname__"):
    __slots__ = ["__qualname__"]


print(Q1.__qualname__, type(Q1.__dict__["__qualname__"]).__name__)

# __dict__ of a class (or module) reached through another base's descriptor.
class Base:
    pass


class Meta1(type, Base):
    pass


class Meta2(Base, type):
    pass


class E1(metaclass=Meta1):
    pass


class E2(metaclass=Meta2):
    pass


dict_descr = Base.__dict__["__dict__"]
for cls in (E1, E2):
    try:
        dict_descr.__set__(cls, {})
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
    print(type(dict_descr.__get__(cls)).__name__)


class Module1(types.ModuleType, Base):
    pass


m1 = Module1("spam")
try:
    dict_descr.__set__(m1, {})
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)


# dir() of a module whose __dict__ is not a dict.
class M2(types.ModuleType):
    __dict__ = property(lambda self: "Not a dict!")


try:
    dir(M2("m2"))
except TypeError as e:
    print("TypeError", e)


# __class__ assignment between ModuleType and its subclasses.
class SubModule(types.ModuleType):
    a = 1


m = types.ModuleType("m")
m.__class__ = SubModule
print(type(m).__name__, m.a)
m.__class__ = types.ModuleType
print(type(m).__name__, hasattr(m, "a"))


class MyInt(int):
    __slots__ = ()


try:
    (1).__class__ = MyInt
except TypeError as e:
    print("TypeError", e)
print(sys.getrefcount(SubModule) > 0)
