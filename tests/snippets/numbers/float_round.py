# round() on floats: correctly rounded, halves to even only on exact ties.
vals = [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1234.5678, -1234.5678,
        1e16 + 2, 5e-324, 1.7976931348623157e308, 123456.5, 0.0, -0.0]
for v in vals:
    print(repr(v), round(v), [round(v, n) for n in (0, 1, 2, 3, -1, -2, -3)])
print(round(2.5, None), round(3.5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(1.23456789, 400), round(12345.0, -400), round(-12345.0, -400), round(12345.0, 400))
print(round(float('inf'), 2), round(float('nan'), 2), round(float('-inf'), -2))
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: round(float('inf')))
attempt(lambda: round(float('nan')))
attempt(lambda: round(1.5, 1.0))
attempt(lambda: round(1.7976931348623157e308, -308))
attempt(lambda: round(1e308, -308))
attempt(lambda: round(1.5, 2 ** 100))
attempt(lambda: round(1.5, -2 ** 100))
attempt(lambda: (2.5).__round__())
attempt(lambda: (2.5).__round__(None))
attempt(lambda: (2.5).__round__(1, 2))
