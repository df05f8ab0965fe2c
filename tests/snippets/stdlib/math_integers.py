# math's integer functions: factorial, comb, perm, gcd, lcm, isqrt, prod, with
# arguments of any size and CPython's error messages.
import math

for n in [0, 1, 2, 5, 12, 20, 21, 25, 50, 100, 171, 500]:
    print("factorial", n, math.factorial(n))
print(math.factorial(5000).bit_length(), math.factorial(3000) % (10**40 + 7))
print(math.factorial(True))

for n, k in [(0, 0), (5, 2), (10, 5), (10, 0), (10, 10), (10, 11), (52, 5), (100, 50),
             (1000, 3), (1000, 997), (10**20, 3), (10**20, 10**20 - 2), (300, 150), (2**64 + 1, 5)]:
    print("comb", n, k, math.comb(n, k))
    if k < 400:
        print("perm", n, k, math.perm(n, k))
print(math.perm(7), math.perm(7, None), math.perm(5, 10), math.comb(5, 10))

print(math.gcd(), math.gcd(0), math.gcd(-7), math.gcd(12, 18), math.gcd(12, -18, 30))
print(math.gcd(2**200 * 3**50, 2**150 * 3**80 * 5), math.gcd(1, 10**40, 10**30))
print(math.lcm(), math.lcm(-5), math.lcm(4, 6), math.lcm(4, -6, 10), math.lcm(0, 5, 7))
print(math.lcm(2**100, 3**60, 2**50 * 7))
print(math.gcd(True, 4), type(math.gcd(True)), math.lcm(True, 3))

for n in [0, 1, 2, 3, 4, 15, 16, 17, 2**52 - 1, 2**64, 10**50, 10**50 - 1, 3**301]:
    print("isqrt", n, math.isqrt(n))

print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 30)))
print(math.prod([1.5, 2, 4]), math.prod([2, 3], start=10), math.prod([], start='x'))
print(math.prod([[1], 3]), math.prod(iter([0.1] * 5)))
print(math.prod([10**20, 10**20, 0.5]))

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

print(math.factorial(Idx(6)), math.comb(Idx(6), Idx(2)), math.gcd(Idx(12), Idx(8)),
      math.isqrt(Idx(99)), math.perm(Idx(5), Idx(2)))

tests = [
    "math.factorial(-1)", "math.factorial(1.0)", "math.factorial(10**30)",
    "math.factorial(-10**30)", "math.factorial('5')",
    "math.comb(-1, 2)", "math.comb(2, -1)", "math.comb(-1, -1)", "math.perm(-1, 2)",
    "math.perm(2, -1)", "math.comb(10**30, 10**20)", "math.perm(10**30, 10**20)",
    "math.comb(10**20, 10**30)", "math.perm(10**20, 10**30)", "math.comb(1.0, 2)",
    "math.comb(1)", "math.perm()", "math.perm(1, 2, 3)", "math.comb(1, 2, 3)",
    "math.isqrt(-1)", "math.isqrt(1.0)", "math.isqrt()", "math.gcd(1.5)", "math.gcd(2, 'a')",
    "math.lcm(2.0, 4)", "math.gcd(1, 2.5)", "math.lcm(0, 'x')",
    "math.prod()", "math.prod([1, 2], 3)", "math.prod(5)", "math.prod([1], start=2, x=1)",
    "math.prod(['a', 'b'])", "math.prod([], 1, start=2)", "math.perm(-1)",
]
for t in tests:
    try:
        print(t, "->", eval(t))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
