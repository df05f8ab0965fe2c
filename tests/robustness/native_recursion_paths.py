"""Recursion that goes through native code (generators, sorted keys, map, repr, hash, eval/exec, metaclass __call__, __len__) ends in RecursionError."""
import sys

def deep_gen(n):
    if n == 0:
        yield 0
    else:
        yield next(deep_gen(n - 1))
tests = []
def t1():
    return next(deep_gen(50000))
def t2():
    class A:
        def __getitem__(self, i):
            return list(A())[0] if i == 0 else (_ for _ in ()).throw(IndexError)
    return list(A())
def t3():
    def key(x):
        return sorted([x], key=key)
    return sorted([1], key=key)
def t4():
    def f(x):
        return list(map(f, [x]))
    return f(1)
def t5():
    class R:
        def __repr__(self):
            return repr([self])
    return repr(R())
def t6():
    d = {}
    class K:
        def __hash__(self):
            return hash(K())
    d[K()] = 1
def ev(n):
    return eval("ev(n + 1)")
def ex(n):
    exec("ex(n + 1)")
def t7():
    return ev(0)
def t8():
    return ex(0)
def t9():
    class A:
        def __init__(self):
            A()
    A()
def t10():
    def f():
        return f.__call__()
    return f()
def t11():
    class M(type):
        def __call__(cls):
            return cls()
    class C(metaclass=M):
        pass
    C()
def t12():
    def f(x):
        return str(x)
    class S:
        def __str__(self):
            return f(self)
    return str(S())
def t13():
    class A:
        def __len__(self):
            return len(self)
    return len(A())
def t14():
    def f():
        return [f() for _ in [1]]
    return f()
for t in [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14]:
    try:
        t()
        print(t.__name__, "ok")
    except RecursionError as e:
        print(t.__name__, "RecursionError")
    except MemoryError:
        print(t.__name__, "MemoryError")
print("survived")
