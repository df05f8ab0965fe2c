# Shifts and bitwise operators on small and big ints, with negative values.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
vals = [0, 1, -1, 5, -5, 2 ** 62, -(2 ** 62), 2 ** 63 - 1, -(2 ** 63), 2 ** 100 + 12345, -(2 ** 100) - 12345]
for a in vals:
    print(a, [a << n for n in (0, 1, 3, 62, 64, 100)], [a >> n for n in (0, 1, 3, 62, 63, 64, 65, 101, 200)])
    print([a & b for b in vals], [a | b for b in vals], [a ^ b for b in vals], ~a)
attempt(lambda: 1 << -1)
attempt(lambda: 1 >> -1)
attempt(lambda: 0 << 2 ** 100)
attempt(lambda: -1 >> 2 ** 100)
attempt(lambda: 5 >> 2 ** 100)
attempt(lambda: 1 << 2 ** 64)
attempt(lambda: 1 << 1.0)
attempt(lambda: 1.0 << 1)
attempt(lambda: 1 & 1.0)
attempt(lambda: (2 ** 100) >> (2 ** 64))
