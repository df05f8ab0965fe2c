"""Scoping corner cases: class scope in comprehensions and lambdas, nonlocal from class bodies, exec and locals(), closures in comprehensions."""
# scoping corner cases
x = "global"
class A:
    x = "class"
    y = [x for _ in range(1)]
    z = (lambda: x)()
print(A.y, A.z)
def f():
    x = "local"
    class B:
        print(x)
        x = "B"
        print(x)
    return B
f()
def g():
    x = 1
    class C:
        nonlocal x
        x = 2
    return x
print(g())
def h():
    exec("y = 5")
    try:
        return y
    except NameError as e:
        return str(e)
print(h())
def k():
    l = {}
    exec("z = 7", {}, l)
    return l["z"]
print(k())
def comp_scope():
    n = 3
    return [[i * n for i in range(j)] for j in range(n)]
print(comp_scope())
y = 10
def uses_global():
    return [y for _ in range(2)]
print(uses_global())
def shadow():
    y = 1
    def inner():
        return [y + i for i in range(2)]
    return inner()
print(shadow())
lambda_default = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in lambda_default])
def class_method_closure():
    secret = "s"
    class K:
        def get(self):
            return secret
        @classmethod
        def cget(cls):
            return secret + "!"
    return K().get(), K.cget()
print(class_method_closure())
def del_in_closure():
    v = 1
    def r(): return v
    del v
    try:
        r()
    except NameError as e:
        print(e)
del_in_closure()
print(__name__, __doc__, type(__builtins__).__name__, __spec__)
