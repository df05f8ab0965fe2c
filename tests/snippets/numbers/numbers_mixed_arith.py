# Mixed int/float/complex/bool arithmetic and the types of results.
vals = [3, -2, 2.5, -0.5, True, 1 + 1j, 2 ** 70]
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b]
        print(repr(a), repr(b), r, [type(x).__name__ for x in r])
print(1 + 2.0, 3 * 0.1, 2 ** 70 + 0.5, 2 ** 70 * 1.0, 7 // 2.0, 7 % 2.5, -7 // 2.0, True + 0.5)
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: 1 + '1')
attempt(lambda: 1.5 + '1')
attempt(lambda: 1j + None)
attempt(lambda: 1.5 @ 2.0)
attempt(lambda: 'a' * 2.0)
attempt(lambda: [1] * 2.5)
attempt(lambda: 1.5 < 'a')
attempt(lambda: 1j < 1)
attempt(lambda: -'a')
attempt(lambda: ~1.5)
attempt(lambda: (10 ** 400) + 1.5)
attempt(lambda: (10 ** 400) < 1.5)
