"""super(): zero-arg and two-arg forms, cooperative __init__, classmethods, errors."""
class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
        self.base = True
    def greet(self):
        return "base"
    @classmethod
    def create(cls):
        return f"create {cls.__name__}"
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left init", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right init", right)
        super().__init__(**kw)
class Both(Left, Right):
    def __init__(self, **kw):
        print("Both init")
        super(Both, self).__init__(**kw)
    def greet(self):
        return "both+" + super().greet()
    @classmethod
    def create(cls):
        return "both " + super().create()
b = Both(left=1, right=2, extra=3)
print(b.base, b.greet(), Both.create())
print(super(Left, b).greet(), super(Right, b).__init__ is not None)
class X:
    def m(self):
        return "X.m"
class Y(X):
    def m(self):
        return "Y.m"
y = Y()
print(super(Y, y).m(), super(X, y).__class__.__name__)
s = super(Y, y)
print(type(s).__name__, s.m())
try:
    super(Y, 1)
except TypeError as e:
    print(type(e).__name__, e)
def outside():
    super()
try:
    outside()
except RuntimeError as e:
    print(type(e).__name__, e)
class Z(Y):
    def m(self):
        f = lambda: super(Z, self).m()
        return "Z>" + f()
print(Z().m())
class Str(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Str("abc"), type(Str("x")).__name__)
class Attr:
    x = "class x"
class Attr2(Attr):
    x = "sub x"
    def get(self):
        return super().x
print(Attr2().get())
try:
    super(Attr2, Attr2()).missing
except AttributeError as e:
    print(type(e).__name__, e)
