"""super() in comprehensions, lambdas, nested functions, staticmethods, generators, metaclasses, properties and dict subclasses, and its errors."""
class A:
    def f(self): return "A"
class B(A):
    def f(self):
        try:
            r = [super().f() for _ in range(1)]
        except (RuntimeError, TypeError) as e:
            r = f"{type(e).__name__}: {e}"
        return r
    def g(self):
        try:
            return (lambda: super().f())()
        except (RuntimeError, TypeError) as e:
            return f"{type(e).__name__}: {e}"
    def h(self):
        def inner():
            return super().f()
        try:
            return inner()
        except (RuntimeError, TypeError) as e:
            return f"{type(e).__name__}: {e}"
    @staticmethod
    def s():
        try:
            return super().f()
        except (RuntimeError, TypeError) as e:
            return f"{type(e).__name__}: {e}"
    def k(self):
        del self
        try:
            return super().f()
        except (RuntimeError, TypeError) as e:
            return f"{type(e).__name__}: {e}"
    def gen(self):
        yield super().f()
print(B().f(), B().g(), B().h(), B.s(), B().k(), next(B().gen()))
def outside(self):
    return super().f()
B.out = outside
try:
    B().out()
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)
class C(B):
    def f(self):
        return "C>" + super(B, self).f()
print(C().f())
print(super(C, C()).f(), super(C, C).f(C()), super(C).__get__(C()).f())
s = super(B, B())
print(repr(s).startswith("<super: <class 'B'>, <B object"), s.__self__.__class__.__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
try:
    super(B, A())
except TypeError as e:
    print(e)
try:
    super(B, 1)
except TypeError as e:
    print(e)
try:
    super(1, B())
except TypeError as e:
    print(e)
try:
    super()
except RuntimeError as e:
    print(e)
class D:
    def __init__(self):
        print("D init", super().__init__() is None)
D()
class Meta(type):
    def __new__(m, n, b, ns):
        cls = super().__new__(m, n, b, ns)
        return cls
    def __call__(cls, *a):
        return super().__call__(*a)
class E(metaclass=Meta):
    def __init__(self, v): self.v = v
print(E(5).v)
class F:
    @classmethod
    def c(cls):
        return cls.__name__
class G(F):
    @classmethod
    def c(cls):
        return "G+" + super().c()
print(G.c(), G().c())
class H(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
h = H(); h["a"] = 1
print(h["a"], dict(h), h.get("a"))
class P:
    @property
    def x(self): return "P.x"
class Q(P):
    @property
    def x(self): return "Q>" + super().x
print(Q().x)
try:
    class R(P):
        def set(self):
            super().x = 1
    R().set()
except AttributeError as e:
    print("AttributeError", e)
