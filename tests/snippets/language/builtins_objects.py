"""Object builtins: getattr/setattr/hasattr/delattr, vars, dir of a class, callable, id, type, repr/str."""
class C:
    cls_attr = 1
    def method(self):
        return "m"
    def _private(self):
        pass
c = C()
c.inst = 2
print(getattr(c, "inst"), getattr(c, "cls_attr"), getattr(c, "missing", "dflt"), getattr(c, "method")())
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
setattr(c, "new", 3)
print(c.new, hasattr(c, "new"), hasattr(c, "nope"), hasattr(C, "method"))
delattr(c, "new")
try:
    delattr(c, "new")
except AttributeError as e:
    print(type(e).__name__, e)
print(vars(c), sorted(k for k in vars(C) if not k.startswith("__")))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
print([n for n in dir(C) if not n.startswith("__")], "__init__" in dir(C), dir(c)[-3:])
class D(C):
    extra = 0
print([n for n in dir(D) if not n.startswith("__")])
print(callable(len), callable(C), callable(c), callable(c.method), callable(1), callable(lambda: 0))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), id(None) == id(None), type(id(a)).__name__)
print(repr("a'b"), repr('a"b'), repr("a'\"b"), repr("\n\t\\"), str(1.0), repr(1.0), str(b"x"), repr([None]))
print(repr(123), str(-0.5), repr((1,)), repr(()), repr({}), repr(set()), repr(frozenset()), repr({1: {2: [3]}}))
print(type(c).__name__, type(C).__name__, type(type).__name__, str(type(1)), repr(int), repr(C).startswith("<class '__main__.C'"))
print(isinstance(vars(), dict), "c" in vars(), "c" in globals())
def loc():
    x = 1
    y = 2
    return sorted(locals().items())
print(loc())
class HasGetattr:
    def __getattr__(self, name):
        if name == "dyn":
            return "dynamic"
        raise AttributeError(f"no {name}")
h = HasGetattr()
print(h.dyn, getattr(h, "zzz", "fallback"), hasattr(h, "dyn"), hasattr(h, "zzz"))
class Boom:
    @property
    def p(self):
        raise ValueError("boom")
try:
    hasattr(Boom(), "p")
except ValueError as e:
    print(type(e).__name__, e)
print(ascii("héllo"), ascii([1, "ü"]), bool(), int(), float(), str(), list(), tuple(), dict(), set())
