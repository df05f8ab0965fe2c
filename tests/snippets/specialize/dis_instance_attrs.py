"""dis.dis(adaptive=True) after warm-up on instance attributes and methods of a class
whose instances keep their attributes in a values block: LOAD_ATTR_INSTANCE_VALUE,
STORE_ATTR_INSTANCE_VALUE, LOAD_METHOD_WITH_VALUES as in CPython 3.11, and
LOAD_ATTR_WITH_HINT/STORE_ATTR_WITH_HINT for instances given a dict of their own.

(An instance whose __dict__ was materialised has a split dict in CPython, on which
3.11's *_WITH_HINT forms always miss; pyrs materialises a combined dict, so that case
is left out here.)"""
import dis


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y

    def scale(self, k):
        self.x = self.x * k
        self.y = self.y * k
        return self


def work(n):
    t = 0
    for i in range(n):
        p = Point(i, i + 1)
        t += p.scale(2).norm() + p.x
    return t


def with_dict(objs):
    t = 0
    for o in objs:
        o.y = o.x
        t += o.x + o.y
    return t


print(work(100))
objs = [Point(i, 0) for i in range(5)]
for o in objs:
    o.__dict__ = {"x": o.x, "y": 0}
for _ in range(30):
    with_dict(objs)
print(with_dict(objs))
for fn in (work, Point.__init__, Point.norm, Point.scale, with_dict):
    dis.dis(fn, adaptive=True)
