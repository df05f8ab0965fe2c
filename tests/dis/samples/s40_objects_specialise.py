"""Object-oriented code that specialises attribute, method and call sites."""
import math


class Plain:
    def __init__(self, a):
        self.a = a
        self.b = a + 1

    def get(self):
        return self.a + self.b

    @classmethod
    def make(cls):
        return cls(1)


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self, p):
        self.p = p
        self.q = p


def helper(x, y=2):
    return x + y


def workload(objs):
    total = 0
    for o in objs:
        total += o.a + o.get()
        o.b = total
    return total


def slots(s):
    s.q = s.p
    return s.p + s.q


def calls(xs):
    out = []
    for x in xs:
        out.append(len(xs) + helper(x) + helper(x, 3))
        isinstance(x, int)
        str(x)
        tuple(xs)
        type(x)
        math.floor(1.5)
    return out, Plain.make(), math.pi


def warmup():
    objs = [Plain(i) for i in range(3)]
    workload(objs)
    slots(Slotted(2))
    calls([1, 2])
