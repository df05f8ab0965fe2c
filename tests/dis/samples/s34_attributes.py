"""Attribute loads, stores and deletes; method calls on objects and modules."""
import math


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self

    def forget(self):
        del self.x


def use(v):
    v.x = v.y
    return v.norm(), v.scale(2).x, math.pi


def chain(obj):
    return obj.a.b.c.method().d


def warmup():
    v = Vec(3, 4)
    use(v)
    v.norm()
