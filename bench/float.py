# Float arithmetic on many small objects (pyperformance's bm_float): Point objects with
# sin/cos (Taylor series here: pyrs has no math module yet), normalisation with a
# square root, and a max-reduction over the points.
def sin(x):
    x2 = x * x
    term = x
    total = x
    for k in (6.0, 20.0, 42.0, 72.0, 110.0, 156.0):
        term = -term * x2 / k
        total += term
    return total


def cos(x):
    x2 = x * x
    term = 1.0
    total = 1.0
    for k in (2.0, 12.0, 30.0, 56.0, 90.0, 132.0):
        term = -term * x2 / k
        total += term
    return total


class Point:
    __slots__ = ('x', 'y', 'z')

    def __init__(self, i):
        a = (i % 628) / 100.0 - 3.14
        self.x = x = sin(a)
        self.y = cos(a) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = (x * x + y * y + z * z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


for _ in range(7):
    result = benchmark(40000)
print(result)
