# round() on ints with negative ndigits: nearest multiple of a power of ten, ties to even.
for v in [0, 5, 15, 25, 35, -25, -35, 123, 149, 150, 250, 351, 10 ** 20 + 5 * 10 ** 9,
          2 ** 100 + 5, -(2 ** 100) - 50, True]:
    print(v, round(v), round(v, 0), round(v, 2), [round(v, -n) for n in range(1, 6)])
print(type(round(True)).__name__, type(round(5, -1)).__name__, round(7, -100))
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: round(5, 1.0))
attempt(lambda: int.__round__(7, None))
attempt(lambda: (7).__round__(1, 2))
attempt(lambda: round(5, '1'))
