# Floor division and modulo take the sign of the divisor, for ints and floats.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3),
         (2 ** 64, 3), (-(2 ** 64), 3), (2 ** 64, -3), (2 ** 100, 2 ** 50 + 1),
         (-(2 ** 100), 2 ** 50 + 1), (-9223372036854775808, -1), (1, 2 ** 70), (-1, 2 ** 70)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), divmod(a, b) == (a // b, a % b))
fpairs = [(7.0, 2.0), (-7.0, 2.0), (7.0, -2.0), (-7.0, -2.0), (0.0, 3.0), (-0.0, 3.0),
          (0.0, -3.0), (1.0, 0.1), (-1.0, 0.1), (5.5, 1.5), (1e300, 1e-300), (-1e-300, 1e300),
          (3, 0.7), (-3.0, 7), (float('inf'), 2.0), (2.0, float('inf')), (-2.0, float('inf')),
          (float('nan'), 1.0)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: 1 // 0)
attempt(lambda: 1 % 0)
attempt(lambda: divmod(1, 0))
attempt(lambda: 1.0 // 0)
attempt(lambda: 1.0 % 0.0)
attempt(lambda: divmod(1.0, 0))
attempt(lambda: 1 / 0)
attempt(lambda: 1.0 / 0)
attempt(lambda: 1 / 0.0)
attempt(lambda: (2 ** 100) // 0)
attempt(lambda: (2 ** 100) % 0.0)
