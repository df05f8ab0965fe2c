"""Class features: __class__ cell, __class_getitem__, annotations, class decorators, __missing__, str/int/list subclasses with overridden dunders."""
class A:
    def f(self):
        return __class__
class B(A): pass
print(B().f(), A.f.__code__.co_freevars)
class C:
    def __class_getitem__(cls, item):
        return f"C[{item}]"
print(C[int], list[int], dict[str, int], tuple[int, ...])
class D:
    x: int = 3
    y: "str"
print(D.__annotations__)
def deco(cls):
    cls.tag = 1
    return cls
@deco
class E:
    pass
print(E.tag)
class F:
    def __init__(self):
        self.__dict__['v'] = 1
    def __setattr__(self, k, v):
        raise AttributeError("ro")
f = F()
print(f.v)
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1:2:3], g[1:], g[:, 1], g[..., None], g[()], g[(1,)])
class H:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
print(list(reversed(H())), sorted(H(), reverse=True), 2 in H())
class I:
    def __iter__(self): yield from (1, 2, 3)
print(list(I()), max(I()), dict.fromkeys(I()))
class J:
    def __enter__(self): return 1
    def __exit__(self, *a): pass
with J() as (x):
    print(x)
print(type(None)(), type(...)(), type(NotImplemented)())
try: type(None)(1)
except TypeError as e: print(e)
class K(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try: raise K(1, 2)
except K as e: print(e, e.args, e.b)
import sys
class L:
    def __del__(self):
        print("L del")
def mk():
    l = L()
    raise ValueError
try: mk()
except ValueError: print("caught")
print("after")
class M:
    a = 1
    def m(self): return self.a
print(M().m.__func__ is M.m, M.m.__qualname__, M().m.__name__)
class N:
    @classmethod
    @property
    def cp(cls): return cls.__name__
print(N.cp)
class O:
    def __init_subclass__(cls, /, default=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = default
class P(O, default=5): pass
print(P.default)
class Q:
    __slots__ = ('x',)
    def __init__(self): self.x = 1
print(Q().x, Q.__slots__, hasattr(Q(), '__dict__'))
class R(dict):
    def __missing__(self, k): return k * 2
print(R()[5], R(a=1)['a'])
class S(list):
    def __init__(self, *a):
        super().__init__(a)
print(S(1, 2, 3), len(S()))
class T(str):
    def __str__(self): return "T!"
print(str(T("x")), T("x") + "y", f"{T('z')}", "%s" % T("w"), repr(T("q")))
class U(int):
    def __repr__(self): return "U!"
print(U(5), str(U(5)), f"{U(5)}", U(5) + 1, [U(3)])
