"""Metaclasses: type(name, bases, ns), custom metaclass __new__/__init__/__call__, __init_subclass__, __prepare__."""
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added"] = "by meta"
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    y = 2
print(Base.added, Child.added, type(Child).__name__, Child(5).v)
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin, name="alpha"):
    pass
class B(Plugin):
    pass
print(Plugin.registry, A.plugin_name)
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", name)
        return {"injected": 99}
class O(metaclass=OrderedMeta):
    z = 1
print(O.injected, O.z)
Dyn = type("Dyn", (Base,), {"q": 3})
print(Dyn.q, Dyn.added, Dyn.__mro__[1].__name__)
try:
    type("Bad", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Conflict(int, str):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class M1(type): pass
class M2(type): pass
class C1(metaclass=M1): pass
class C2(metaclass=M2): pass
try:
    class C3(C1, C2):
        pass
except TypeError as e:
    print(type(e).__name__, e)
