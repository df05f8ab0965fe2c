"""__init__/__repr__/__str__/__eq__/__hash__/__len__/__getitem__/__iter__/__bool__ and fallbacks."""
class P:
    def __init__(self, a):
        self.a = a
    def __repr__(self):
        return f"P({self.a!r})"
class Q(P):
    def __str__(self):
        return f"Q with {self.a}"
print(P(1), str(P("s")), repr(Q(2)), str(Q(2)), [P(1), Q(2)], f"{Q(3)} {Q(3)!r}")
class Plain:
    pass
print(str(Plain()).startswith("<__main__.Plain object at "), repr(Plain()) == object.__repr__(Plain()) or True)
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, E) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
print(E(1) == E(1), E(1) != E(1), E(1) == 1, len({E(1), E(1), E(2)}), E(1) in [E(1)])
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq.__hash__, OnlyEq() == 5, OnlyEq() != 5)
try:
    {OnlyEq()}
except TypeError as e:
    print(type(e).__name__, e)
class Container:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __reversed__(self):
        return iter(self.items[::-1])
c = Container(1, 2, 3)
c[0] = 10
del c[1]
print(len(c), c[0], c[-1], list(c), 3 in c, list(reversed(c)), bool(Container()), c[0:1])
class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(4)), sum(Count(10)), max(Count(3)))
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return self.v
    def __float__(self):
        return self.v + 0.5
    def __index__(self):
        return self.v
    def __format__(self, spec):
        return f"Num[{spec}]"
n = Num(3)
print(int(n), float(n), [10, 20, 30, 40][n], bin(n), format(n, "x>5"), f"{n:abc}", "abcdef"[:n])
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"C{self.v}"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), max([Cmp(3), Cmp(5)]), Cmp(5) > Cmp(1))
