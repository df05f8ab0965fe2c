"""staticmethod and classmethod: calling via class/instance, inheritance, alternative constructors."""
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2020-1-2"), MyDate.from_string("1999-12-31"), MyDate(1, 1, 1).from_string("5-5-5"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(4), cm.__func__.__name__)
print(type(Date.from_string).__name__, Date.from_string.__self__ is Date, type(Date.is_leap).__name__)
class Cnt:
    n = 0
    @classmethod
    def bump(cls):
        cls.n += 1
        return cls.n
class Sub(Cnt):
    pass
print(Cnt.bump(), Sub.bump(), Sub.bump(), Cnt.n, Sub.n)
def plain(x):
    return x * 2
class Wrap:
    f = staticmethod(plain)
    g = classmethod(lambda cls, x: (cls.__name__, x))
print(Wrap.f(3), Wrap().f(4), Wrap.g(5), Wrap().g(6))
print(staticmethod(plain)(7))
