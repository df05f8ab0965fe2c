"""__getattr__, __getattribute__, __setattr__, __delattr__ hooks and their interaction."""
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
l = Lazy()
print(l.real, l.xyz)
try:
    l.other
except AttributeError as e:
    print(type(e).__name__, e)
class Logged:
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
g = Logged()
g.a = 1
print(g.a)
del g.a
try:
    g.a
except AttributeError as e:
    print(type(e).__name__, e)
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("from getattribute")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
print(Both().boom)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, n):
        return getattr(self._t, n)
    def __setattr__(self, n, v):
        setattr(self._t, n, v)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1))
class Frozen:
    def __setattr__(self, n, v):
        raise AttributeError(f"cannot set {n!r}")
try:
    Frozen().q = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Err:
    def __getattr__(self, n):
        raise KeyError(n)
try:
    getattr(Err(), "zz", "default")
except KeyError as e:
    print(type(e).__name__, e)
