# Timsort makes the same comparisons as CPython's: count them on patterned data.
class Counted:
    n = 0
    __slots__ = ('v',)
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Counted.n += 1
        return self.v < other.v

def lcg(seed, n, mod):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % (2 ** 31)
        out.append(x % mod)
    return out

cases = {
    'random200': lcg(1, 200, 1000),
    'random1000': lcg(7, 1000, 50),
    'sorted': list(range(300)),
    'reversed': list(range(300, 0, -1)),
    'sawtooth': [i % 17 for i in range(500)],
    'runs': list(range(100)) + list(range(50)) + list(range(100, 0, -1)) + list(range(30)),
    'few': [1, 0] * 100,
    'small': [3, 1, 2],
    'galloping': list(range(0, 2000, 2)) + list(range(1, 200, 2)),
}
for name, vals in cases.items():
    Counted.n = 0
    objs = [Counted(v) for v in vals]
    objs.sort()
    ok = all(objs[i].v <= objs[i + 1].v for i in range(len(objs) - 1))
    print(name, Counted.n, ok)
    Counted.n = 0
    objs = [Counted(v) for v in vals]
    objs.sort(reverse=True)
    print(name, 'reverse', Counted.n)

# stability with many equal keys, checked through the original positions
pairs = [(v, i) for i, v in enumerate(lcg(3, 800, 10))]
s = sorted(pairs, key=lambda p: p[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
