"""Specialised instructions (PEP 659) must notice when their guess stops holding:
every case warms a function up with one kind of operand, then changes the operands,
globals, builtins, classes or functions it relies on, and prints what it computes."""
import sys


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


for _ in range(100):
    add(1, 2), sub(3, 1), mul(2, 5)
print(add(1.5, 2), add("a", "b"), add([1], [2]), add(2**40, 2**40), add(True, 2))
print(sub(1.5, 0.25), sub(2**70, 1), sub({1, 2}, {1}), mul("ab", 3), mul(2.5, 4.0))
for _ in range(100):
    add(1.5, 2.5)
print(add(1, 2), add(1.5, 1), add(-0.0, 0.0), add(float("inf"), 1.0))


def cmp(a, b):
    if a < b:
        return "lt"
    if a == b:
        return "eq"
    return "ge"


for _ in range(100):
    cmp(1, 2)
nan = float("nan")
print(cmp(2, 1), cmp(1, 1), cmp(1.0, 2.0), cmp(nan, 1.0), cmp(nan, nan), cmp("a", "b"))
print(cmp(2**40, 2**41), cmp(-2**31, 5), cmp(True, False), cmp((1, 2), (1, 3)))
for _ in range(100):
    cmp("x", "x")
print(cmp("x", "y"), cmp("y", "y"), cmp(3, 3))


def count_while(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total


print([count_while(k) for k in range(12)], count_while(2.5), count_while(2**35 - 2**35 + 3))

G = 10


def use_global():
    return G + len("abc")


for _ in range(100):
    use_global()
G = 20
print(use_global())
del G
try:
    use_global()
except NameError as e:
    print("NameError", e)
G = 1
len = lambda s: 100
print(use_global())
del len
print(use_global())
import builtins
saved = builtins.len
builtins.len = lambda s: -1
print(use_global())
builtins.len = saved
print(use_global())


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def getx(p):
    return p.x


def setx(p, v):
    p.x = v


def call_get(p):
    return p.get()


ps = [P(i) for i in range(5)]
for _ in range(100):
    for p in ps:
        getx(p)
        setx(p, 7)
        call_get(p)
print([getx(p) for p in ps], [call_get(p) for p in ps])
q = P(1)
q.y = 2
del q.x
try:
    getx(q)
except AttributeError as e:
    print("AttributeError", e)
q.__dict__["x"] = "via dict"
print(getx(q))
P.x = property(lambda self: "property wins")
print(getx(ps[0]), getx(q))
try:
    setx(ps[0], 1)
except AttributeError as e:
    print("AttributeError", e)
del P.x
print(getx(ps[0]))
ps[1].get = lambda: "instance attribute"
print(call_get(ps[1]), call_get(ps[2]))
P.get = lambda self: "replaced method"
print(call_get(ps[2]))


class Q:
    __slots__ = ("x",)


qq = Q()
qq.x = 5
print(getx(qq))
setx(qq, 6)
print(getx(qq))


def sub_item(c, i):
    return c[i]


def set_item(c, i, v):
    c[i] = v


lst = [1, 2, 3]
for _ in range(100):
    sub_item(lst, 1)
    sub_item((4, 5, 6), 2)
    set_item(lst, 0, 9)
    sub_item({"k": 1}, "k")
    set_item({}, "a", 1)
print(sub_item(lst, -1), sub_item("abc", 1), sub_item({1: 2}, 1), sub_item(range(5), 3))
for bad in ((lst, 10), ((1,), 5), ({}, "missing"), (lst, 2**40)):
    try:
        sub_item(*bad)
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)


class D(dict):
    def __missing__(self, key):
        return "missing " + key

    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)


print(sub_item(D(), "z"))
d = D()
set_item(d, "a", 21)
print(d)
try:
    set_item(lst, 3, 0)
except IndexError as e:
    print("IndexError", e)
set_item(lst, -1, "last")
print(lst)


def unpack(seq):
    a, b = seq
    return b, a


def unpack3(seq):
    a, b, c = seq
    return c


for _ in range(100):
    unpack((1, 2))
    unpack3([1, 2, 3])
print(unpack([3, 4]), unpack("xy"), unpack(iter((5, 6))), unpack3((7, 8, 9)), unpack3("abc"))
for bad in ((1, 2, 3), [1], 5):
    try:
        unpack(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


def f(a, b=2):
    return a * 10 + b


def calls():
    return f(1), f(1, 3)


for _ in range(100):
    calls()
f.__defaults__ = (5,)
print(calls())
f.__code__ = (lambda a, b=0: a - b).__code__
print(calls())


def g(a, b=2):
    return a + b


f = g
print(calls())
f = P(1).get.__func__
try:
    calls()
except TypeError as e:
    print("TypeError", e)


def s_append(n):
    s = ""
    for i in range(n):
        s += str(i)
    t = s
    s += "!"
    return s, t


print(s_append(30))
print(sys.getrecursionlimit() > 0)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a

    def bump(self):
        self.a = self.a + 1
        return self.a


objs = [Slotted(i) for i in range(4)]
for _ in range(100):
    for o in objs:
        o.bump()
print([o.a for o in objs])
del objs[0].a
try:
    objs[0].bump()
except AttributeError as e:
    print("AttributeError", e)


class SubSlotted(Slotted):
    pass


s2 = SubSlotted(10)
print(s2.bump(), s2.bump())
Slotted.a = property(lambda self: "prop", lambda self, v: print("setter", v))
try:
    print(objs[1].bump())
except TypeError as e:
    print("TypeError", e)
