# Comparisons between ints and floats are exact, however large the int.
big = 2 ** 53
print(big + 1 == float(big + 1), big + 1 > float(big + 1), float(big) == big, float(big) < big + 1)
for e in [53, 54, 60, 63, 64, 65, 100, 300, 1023, 1024, 2000]:
    n = 2 ** e
    f = float(2 ** min(e, 1023))
    print(e, n == f, n + 1 > f, n - 1 < f, f <= n, f >= n - 1, -n == -f, -n - 1 < -f)
x = 10 ** 400
print(x > 1e308, x < float('inf'), -x > float('-inf'), x == float('inf'), x != float('nan'))
print(2 ** 63 == 9.223372036854775808e18, 2 ** 63 - 1 < 9.223372036854775808e18,
      -(2 ** 63) == -9.223372036854775808e18, -(2 ** 63) - 1 < -9.223372036854775808e18)
print(1.5 > 1, 1.5 < 2, 0.5 == 0, -0.0 == 0, 0.0 == -0, 1e16 + 1 == 10 ** 16)
print(float('nan') == 1, float('nan') != 1, float('nan') < 1, float('nan') >= 10 ** 100)
for a in [0.5, 1.0, 2.5, 9007199254740993, 1e20, -1e20]:
    for b in [0, 1, 3, 2 ** 70, -(2 ** 70), 100000000000000000000]:
        print(a < b, a <= b, a == b, a != b, a > b, a >= b, b < a, b == a, end=' | ')
    print()
print(sorted([3, 2.5, 10 ** 20, 1e20, -1, -1.5, True, 0.0]))
print(max(2 ** 64, 1.8446744073709552e19), min(2 ** 64 + 1, 1.8446744073709552e19))
