"""Mixed int/float arithmetic, float division, floor/mod signs, special values."""
pairs = [(7, 2.0), (-7, 2.0), (7.5, -2), (-7.5, -2), (0.1, 0.2), (1e308, 10), (3, 0.5)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(1 / 3, 2 / 3, 10 / 4, 10 // 4.0, -10 // 4.0, 10 % -4.0, -10 % 4.0)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e16 + 1, 2.0 ** 0.5, 4 ** 0.5, (-8) ** (1/3) == (-8) ** (1/3))
print(float('inf') - float('inf'), float('inf') * 0, -float('inf'), float('nan') == float('nan'))
print(1e300 * 1e10, -1e300 * 1e10, 5e-324 / 2)
for expr in ("1.0 / 0", "1.0 // 0.0", "1.0 % 0", "0.0 ** -1", "divmod(1.0, 0)"):
    try:
        print(eval(expr))
    except ZeroDivisionError as e:
        print(expr, "->", type(e).__name__, e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(2 ** 0.5 * 2 ** 0.5, round(2.675, 2), -0.0, 0.0 == -0.0, abs(-0.0))
print(7 / 7, type(7 / 7).__name__, type(7 // 7).__name__, type(7.0 // 7).__name__)
print(int(3.99), int(-3.99), float(10**20), 10**20 / 3)
