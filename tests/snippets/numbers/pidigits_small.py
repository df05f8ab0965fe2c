# Big-int arithmetic in the style of the pidigits benchmark (spigot algorithm).
def pidigits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return out
d = pidigits(300)
print(''.join(map(str, d[:60])))
print(sum(d), len(d))
f = 1
for i in range(1, 200):
    f *= i
print(f % (10 ** 30), len(str(f)), f.bit_length(), f // 3 ** 100 % 97)
a, b = 0, 1
for _ in range(1000):
    a, b = b, a + b
print(a % 10 ** 20, a.bit_length(), str(a)[:30])
