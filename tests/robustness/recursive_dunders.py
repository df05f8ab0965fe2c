"""Infinite recursion through __repr__, __eq__, __hash__, __getattr__, __len__, __bool__ becomes RecursionError."""
class R:
    def __repr__(self):
        return repr(self)
class E:
    def __eq__(self, other):
        return self == other
class H:
    def __hash__(self):
        return hash(self)
class G:
    def __getattr__(self, name):
        return getattr(self, name)
class G2:
    def __getattr__(self, name):
        return self.missing_too
class L:
    def __len__(self):
        return len(self)
class B:
    def __bool__(self):
        return bool(self)
class S:
    def __str__(self):
        return str(self)
class I:
    def __iter__(self):
        return iter(self)
class A:
    def __add__(self, o):
        return self + o
class Cls:
    @property
    def p(self):
        return self.p
tests = [("repr", lambda: repr(R())), ("eq", lambda: E() == E()), ("hash", lambda: hash(H())),
         ("getattr", lambda: G().x), ("getattr2", lambda: G2().x), ("len", lambda: len(L())),
         ("bool", lambda: bool(B())), ("str", lambda: str(S())), ("iter", lambda: iter(I())),
         ("add", lambda: A() + 1), ("property", lambda: Cls().p), ("in list", lambda: E() in [E()]),
         ("dict key", lambda: {H(): 1}), ("fstring", lambda: f"{S()}"), ("print-repr list", lambda: repr([R()]))]
for name, fn in tests:
    try:
        fn()
        print(name, "no error")
    except RecursionError as e:
        print(name, type(e).__name__)
print("survived")
