"""Bitwise operators on ints and bools: & | ^ ~ << >> with negatives."""
vals = [0, 1, -1, 5, -5, 0xFF, -256, 12345]
for a in vals:
    print(a, ~a, a << 3, a >> 2)
    for b in vals:
        print(" ", a, b, a & b, a | b, a ^ b)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 2).__name__)
print(1 << 64, (1 << 64) >> 63, -1 << 10)
for a, b in [(1, -1), (1.0, 2), ("a", 1)]:
    try:
        print(a << b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    print(1.5 & 1)
except TypeError as e:
    print(type(e).__name__, e)
x = 0b1010
x |= 0b0101
x &= 0b1100
x ^= 0b0001
x <<= 2
x >>= 1
print(x, bin(x))
