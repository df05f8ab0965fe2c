"""del: names (local/global), list items/slices, dict keys, attributes, tuples of targets, errors."""
x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
a, b, c = 1, 2, 3
del a, (b, c)
print("a" in globals(), "b" in globals())
l = list(range(6))
del l[0], l[-1]
print(l)
del l[::2]
print(l)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
def local_del():
    v = 5
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(local_del())
def del_unbound():
    try:
        del w
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    w = 1
del_unbound()
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
class Tracks:
    def __del__(self):
        print("finalized")
t = Tracks()
del t
print("after del")
lst = [Tracks()]
lst.clear()
print("after clear")
