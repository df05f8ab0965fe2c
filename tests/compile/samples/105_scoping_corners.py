def outer():
    a = 1
    class K:
        a = 2
        def m(self):
            return a
        b = [a for _ in range(2)]
        def n(self):
            nonlocal a
            a = 3
        def o(self):
            class Inner(K):
                def p(self):
                    return super().p(), __class__
            return Inner
        c = lambda: a
    return K

class G:
    x = 1
    def __init_subclass__(cls):
        super().__init_subclass__()
    y = (lambda: x)()
    z = [lambda: x for x in range(2)]

def gen_scope():
    x = 1
    g = (x for _ in range(2))
    h = (y for y in range(x))
    return g, h

def deep():
    v = 0
    def a():
        def b():
            def c():
                nonlocal v
                v += 1
                return v
            return c
        return b
    return a

def shadow(x):
    def f():
        return x
    del x
    return f

def cls_cell():
    class A:
        def f(self):
            return __class__
        __class__ = 5
    return A
