# int ** and three-argument pow().
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for b in [0, 1, -1, 2, -2, 3, 10, 2 ** 70]:
    for e in [0, 1, 2, 3, 10, 63, 64, 100, -1, -2]:
        attempt(lambda: b ** e)
attempt(lambda: (-1) ** (2 ** 100))
attempt(lambda: (-1) ** (2 ** 100 + 1))
attempt(lambda: 1 ** (10 ** 100))
attempt(lambda: 0 ** (10 ** 100))
attempt(lambda: (10 ** 400) ** -1)
attempt(lambda: 7 ** 77 % 1000)
for args in [(2, 10, 1000), (3, 4, -5), (-3, 4, 5), (3, 4, 0), (2, -1, 5), (2, -1, 4),
             (2, -1, 1), (0, -1, 1), (2, -3, 7), (-2, -3, 7), (2, -3, -7), (5, 0, 1),
             (5, 0, 7), (0, 0, 7), (2 ** 100, 2 ** 100, 10 ** 9 + 7), (12345, -1, 2 ** 89 - 1),
             (2, 3, 5.0), (2, 3.0, 5), (True, True, True), (6, -1, 9)]:
    attempt(lambda: pow(*args))
attempt(lambda: pow(2, 3, 'x'))
