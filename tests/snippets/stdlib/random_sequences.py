# random: for the same seed every function gives CPython's sequence.
import random

seeds = [0, 1, 2, 42, 1000, -7, 2**32 - 1, 2**32, 2**64 + 3, 2**300, -2**100,
         'hello', '', 'päivää', b'bytes', b'', bytearray(b'ba'), 3.75, -0.5, True]
for seed in seeds:
    r = random.Random(seed)
    print(repr(seed)[:20], r.random(), r.getrandbits(1), r.getrandbits(32),
          r.getrandbits(33), r.getrandbits(70), r.getrandbits(200))
    print(r.randrange(10), r.randrange(10**30), r.randrange(-5, 5), r.randrange(0, 100, 7),
          r.randrange(100, 0, -3), r.randint(1, 6), r.randint(-10**20, 10**20))
    print(r.choice('abcdefg'), r.choice(range(1000)), r.choice([None, 1.5, 'x']))
    items = list(range(20))
    r.shuffle(items)
    print(items)
    print(r.sample(range(100), 5), r.sample(range(10**6), 8), r.sample('abcdefghij', 10),
          r.sample(['a', 'b', 'c'], 4, counts=[3, 1, 2]))
    print(r.choices('abc', k=5), r.choices('xyz', [1, 2, 3], k=4),
          r.choices(range(5), cum_weights=[1, 1, 5, 6, 10], k=6), r.choices([7]))
    print(r.uniform(1, 5), r.uniform(5, -5), r.triangular(), r.triangular(0, 10, 2),
          r.triangular(3, 3))
    print(r.gauss(), r.gauss(5, 2), r.gauss(), r.normalvariate(), r.normalvariate(1, 3))
    print(r.lognormvariate(0, 1), r.expovariate(2.0), r.expovariate(-1),
          r.vonmisesvariate(1, 4), r.vonmisesvariate(1, 0))
    print(r.gammavariate(0.5, 2), r.gammavariate(1.0, 2), r.gammavariate(3.5, 1),
          r.betavariate(2, 5), r.betavariate(0.3, 0.3), r.paretovariate(3),
          r.weibullvariate(1, 1.5))
    print(r.randbytes(0), r.randbytes(1), r.randbytes(10))

# Version 1 seeds for str and bytes.
for seed in ['hello', b'hello', '', 'x' * 50]:
    r = random.Random()
    r.seed(seed, version=1)
    print(repr(seed), r.random(), r.randrange(1000))

# The module-level functions share one generator.
random.seed(12345)
print(random.random(), random.randint(0, 1000), random.getrandbits(33),
      random.choice('xyz'), random.sample(range(50), 3), random.gauss(),
      random.uniform(2, 3), random.randbytes(4))
random.seed('abc')
a = [random.random() for _ in range(3)]
random.seed('abc')
print(a == [random.random() for _ in range(3)], a)
l = list(range(10))
random.shuffle(l)
print(l)

# A long run keeps matching (the state is regenerated every 624 words).
r = random.Random(2024)
print(sum(r.getrandbits(32) for _ in range(3000)), r.random())
print(r.getrandbits(32 * 700) % 1000000007)
