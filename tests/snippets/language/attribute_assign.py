"""Attribute assignment and deletion on instances, classes, builtins; error messages."""
class C:
    cls_attr = 1
c = C()
c.x = 5
print(c.x, c.cls_attr, c.__dict__)
c.cls_attr = 2
print(c.cls_attr, C.cls_attr)
del c.cls_attr
print(c.cls_attr)
try:
    del c.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    c.nope
except AttributeError as e:
    print(type(e).__name__, e)
C.new = 10
print(c.new)
del C.new
try:
    C.new
except AttributeError as e:
    print(type(e).__name__, e)
for target in (1, "s", [], None):
    try:
        target.attr = 1
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    int.attr = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
setattr(c, "dyn", 3)
print(getattr(c, "dyn"), hasattr(c, "dyn"))
delattr(c, "dyn")
print(hasattr(c, "dyn"), getattr(c, "dyn", "default"))
class Slotted:
    __slots__ = ("a",)
s = Slotted()
s.a = 1
print(s.a)
try:
    s.b = 2
except AttributeError as e:
    print(type(e).__name__, e)
del s.a
try:
    s.a
except AttributeError as e:
    print(type(e).__name__, e)
def f():
    pass
f.tag = "tagged"
print(f.tag, f.__dict__)
