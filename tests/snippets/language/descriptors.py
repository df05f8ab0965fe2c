"""Descriptors: __get__/__set__/__delete__, data vs non-data precedence, __set_name__, functions as descriptors."""
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
class Rec:
    age = Typed()
r = Rec()
print(r.age)
r.age = 5
print(r.age, type(Rec.age).__name__)
try:
    r.age = "x"
except TypeError as e:
    print(type(e).__name__, e)
del r.age
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class U:
    nd = NonData()
u = U()
print(u.nd)
u.__dict__["nd"] = "from instance dict"
print(u.nd)
class DataOnlySet:
    def __get__(self, obj, t=None):
        return "data get"
    def __set__(self, obj, v):
        print("data set", v)
class V:
    d = DataOnlySet()
v = V()
v.__dict__["d"] = "instance"
print(v.d)
v.d = 3
def func(self):
    return "bound"
bound = func.__get__(v, V)
print(bound(), type(bound).__name__, func.__get__(None, V) is func)
class Counted:
    def __init__(self):
        self.calls = 0
    def __get__(self, obj, t):
        self.calls += 1
        return self.calls
class W:
    c = Counted()
print(W.c, W().c, W.c)
class ReadOnly:
    def __get__(self, o, t):
        return 1
    def __set__(self, o, v):
        raise AttributeError("read-only descriptor")
class X:
    ro = ReadOnly()
try:
    X().ro = 2
except AttributeError as e:
    print(type(e).__name__, e)
