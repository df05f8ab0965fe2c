"""Closures: cell variables, late binding in loops, counters, closure over parameters."""
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
print(add5.__closure__[0].cell_contents, add5.__code__.co_freevars, make_adder.__code__.co_cellvars)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc())
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    x = "changed"
    return mid()
print(outer()())
def late():
    funcs = []
    for i in range(3):
        def f():
            return i
        funcs.append(f)
    i = 99
    return [f() for f in funcs]
print(late())
def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return inner()
print(unbound())
def cell_del():
    v = 1
    def g():
        return v
    del v
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
cell_del()
