"""property: getter/setter/deleter, read-only errors, decorator chaining, docstrings, inheritance."""
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Temperature in C."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius, type(Temp.celsius).__name__)
class Old:
    def get_x(self):
        return "x"
    x = property(get_x, doc="the x")
print(Old().x, Old.x.__doc__, Old.x.fget.__name__, Old.x.fset)
class Child(Temp):
    @property
    def celsius(self):
        return "child " + str(super().celsius)
print(Child().celsius)
class Lazy:
    @property
    def value(self):
        print("computing")
        return 42
l = Lazy()
print(l.value, l.value)
class Raises:
    @property
    def bad(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return f"getattr fallback for {name}"
print(Raises().bad)
