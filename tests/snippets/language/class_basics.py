"""Classes: methods, instance vs class attributes, bound methods, __dict__, __class__, __name__."""
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.norm2(), p.moved(1).x, p.moved(1, 1).y, Point.norm2(p), p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__doc__, Point.__module__, type(p) is Point, p.__class__.__name__)
print(sorted(p.__dict__.items()), "norm2" in Point.__dict__, Point.__bases__)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, m == p.norm2, type(m).__name__)
p.dims = 3
print(p.dims, Point.dims)
Point.dims = 5
q = Point(0, 0)
print(q.dims, p.dims)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
cs = [Counter() for _ in range(3)]
print([c.id for c in cs], Counter.instances)
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, type(Empty).__name__, isinstance(e, object))
class Outer:
    class Inner:
        def where(self):
            return type(self).__qualname__
print(Outer.Inner().where())
def external(self):
    return "external " + type(self).__name__
Empty.method = external
print(e.method())
class WithCall:
    def __call__(self, *a):
        return ("called", a)
print(WithCall()(1, 2), callable(WithCall()), callable(e))
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e2:
    print(type(e2).__name__, e2)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e2:
    print(type(e2).__name__, e2)
