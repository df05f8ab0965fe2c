# Digits of pi by Gibbons' unbounded spigot (pyperformance's bm_pidigits): big-integer
# multiplication, addition and floor division.
def gen_pi():
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while True:
        if 4 * q + r - t < n * t:
            yield n
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)


def calc(count):
    out = []
    g = gen_pi()
    for _ in range(count):
        out.append(str(next(g)))
    return "".join(out)


digits = calc(3000)
print(digits[:50], digits[-50:], sum(map(int, digits)))
