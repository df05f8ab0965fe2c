"""Operator special methods: binary, reflected, in-place, NotImplemented fallbacks and errors."""
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __rpow__(self, base):
        return f"rpow {base}"
    __hash__ = None
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), a @ b, b / 2, b // 2, b % 2, a ** 2, 2 ** a)
print(sum([a, b]), a == Vec(1, 2), a != b, a < b, b > a, sorted([b, a]))
try:
    a + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x" - a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __repr__(self):
        return f"Acc{self.items}"
acc = Acc()
keep = acc
acc += 1
acc += 2
print(acc, keep is acc)
class Sub(Vec):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(Vec(0, 0) + Sub(1, 1))
class R:
    def __rsub__(self, o):
        return f"rsub {o}"
print(5 - R(), [1] - R())
class Cmp:
    def __eq__(self, o):
        print("Cmp.__eq__")
        return NotImplemented
print(Cmp() == Cmp(), Cmp() != 1)
