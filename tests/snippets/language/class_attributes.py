"""Class attributes: shared mutable class attributes, shadowing by instances, modifying via class, __dict__ views."""
class Shared:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
a, b = Shared(), Shared()
a.add(1)
b.add(2)
print(Shared.items, a.count, b.count, Shared.count)
print(sorted(a.__dict__), "items" in a.__dict__)
Shared.count = 100
print(Shared().count, a.count)
class WithDict:
    x = 1
print(type(WithDict.__dict__).__name__, WithDict.__dict__["x"])
try:
    WithDict.__dict__["x"] = 2
except TypeError as e:
    print(type(e).__name__, e)
class Parent:
    shared = "parent"
class Kid(Parent):
    pass
Kid.shared = "kid"
print(Parent.shared, Kid.shared)
del Kid.shared
print(Kid.shared)
try:
    del Kid.shared
except AttributeError as e:
    print(type(e).__name__, e)
class Const:
    A, B, C = range(3)
    names = {v: k for k, v in list(locals().items()) if len(k) == 1}
print(Const.A, Const.C, Const.names)
class Self:
    pass
Self.me = Self
print(Self.me.me.me is Self)
