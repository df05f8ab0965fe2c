# random: getstate/setstate, subclasses, seeding types and error messages.
import random
import _random

r = random.Random(7)
st = r.getstate()
print(type(st), st[0], len(st[1]), st[1][:3], st[1][-1], st[2])
a = [r.random() for _ in range(5)]
r.setstate(st)
print(a == [r.random() for _ in range(5)])
g = r.gauss()
st = r.getstate()
print(st[2] is not None, r.gauss() == random.Random(7).setstate(st) or True)
r2 = random.Random()
r2.setstate(st)
print(r2.gauss() == r.gauss() or "different")

# Version 2 states (signed words) are accepted.
r3 = random.Random()
r3.setstate((2, tuple(x - 2**32 if x >= 2**31 else x for x in st[1][:-1]) + (st[1][-1],), None))
r4 = random.Random()
r4.setstate((3, st[1], None))
print(r3.random() == r4.random())

# The C base class.
R = _random.Random
print(R(5).random(), R(-5).random() == R(5).random(), R(True).random(), R(2**100).random())
print(R(1).getrandbits(0), R(1).getrandbits(32), R(1).getrandbits(64), R(1).getstate()[-1])
print(R.__name__, R.__module__, R.__doc__)
print(sorted(m for m in dir(R) if not m.startswith('__')))


class MyRandom(random.Random):
    def random(self):
        return 0.25


print(MyRandom().randrange(100), MyRandom().choice('abcd'), MyRandom()._randbelow(10))


class Counting(_random.Random):
    def __init__(self, a, b):
        super().__init__(a + b)


print(Counting(1, 2).random() == R(3).random())

tests = [
    "R(1, 2)", "R(x=1)", "R(1).seed(1, 2)", "R().getrandbits(-1)", "R().getrandbits(2**40)",
    "R().getrandbits(1.5)", "R().setstate(1)", "R().setstate((1, 2))",
    "R().setstate(tuple(range(624)) + (625,))", "R().setstate(tuple(range(624)) + (-1,))",
    "R().setstate((-1,) * 625)", "R().setstate((2**32,) * 625)", "R().setstate(('a',) * 625)",
    "R([1])", "random.Random([1])", "random.Random({})", "random.seed(object())",
    "random.Random().setstate((9, (), None))", "random.choice([])", "random.choice('')",
    "random.randrange(0)", "random.randrange(5, 5)", "random.randrange(1, 10, 0)",
    "random.randrange(10, 1)", "random.randrange(10, step=2)", "random.randrange('a')",
    "random.randrange(1.5)", "random.randint(5, 1)", "random.sample([1, 2], 3)",
    "random.sample([1, 2], -1)", "random.sample({1, 2}, 1)", "random.sample({1: 2}, 1)",
    "random.sample([1, 2], 1, counts=[1])", "random.sample([1, 2], 1, counts=[0, 0])",
    "random.sample([1, 2], 1, counts=[1.5, 1])", "random.choices([1, 2], 3)",
    "random.choices([1, 2], [1, 2], cum_weights=[1, 2])", "random.choices([1, 2], [1])",
    "random.choices([1, 2], [0, 0])", "random.choices([1, 2], [1, float('inf')])",
    "random.gammavariate(0, 1)", "random.gammavariate(1, -1)", "random.expovariate(0)",
    "random.getrandbits(-5)", "random.randbytes(-1)", "random.shuffle((1, 2, 3))",
]
for t in tests:
    try:
        print(t, "->", repr(eval(t)))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)

# SystemRandom exists only where os.urandom does.
print(sorted(set(random.__all__) - {'SystemRandom'}))
print(random.NV_MAGICCONST, random.LOG4, random.SG_MAGICCONST, random.BPF, random.RECIP_BPF,
      random.TWOPI)
