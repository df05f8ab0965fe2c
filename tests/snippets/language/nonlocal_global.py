"""global and nonlocal declarations: rebinding, creation of globals, nesting levels."""
g = 1
def read():
    return g
def write():
    global g
    g = 2
def create():
    global brand_new
    brand_new = "made"
print(read()); write(); print(g, read()); create(); print(brand_new)
def shadow():
    g = "local"
    return g
print(shadow(), g)
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
        inner()
    mid()
    return a
print(outer())
def mixed():
    x = "enclosing"
    def inner():
        global x
        x = "global x"
    inner()
    return x
print(mixed(), x)
def loop_nonlocal():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total
print(loop_nonlocal())
class C:
    v = "class var"
    def m(self):
        return v
v = "global v"
print(C().m())
def unbound_local():
    try:
        print(g)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    g = 5
unbound_local()
def del_global():
    global g
    del g
del_global()
try:
    g
except NameError as e:
    print(type(e).__name__, e)
