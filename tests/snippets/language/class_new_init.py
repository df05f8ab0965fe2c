"""__new__ and __init__: singletons, immutable subclasses, __new__ returning other types, argument errors."""
class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), type(Pos(-5)).__name__)
class Weird:
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")
print(Weird())
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(1, 2)
print(p, p.x, len(p), isinstance(p, tuple))
class OnlyNew:
    def __new__(cls, x):
        obj = super().__new__(cls)
        obj.x = x
        return obj
print(OnlyNew(3).x)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
class InitOnly:
    def __init__(self, a):
        self.a = a
try:
    InitOnly()
except TypeError as e:
    print(type(e).__name__, e)
class NewOnly:
    def __new__(cls):
        return super().__new__(cls)
try:
    NewOnly(1)
except TypeError as e:
    print(type(e).__name__, e)
class Sub(InitOnly):
    def __init__(self):
        super().__init__("from sub")
print(Sub().a)
