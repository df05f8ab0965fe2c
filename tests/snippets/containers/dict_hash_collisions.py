# Many keys with colliding hashes; deletions leave dummies that probing must skip.
class K:
    def __init__(self, v, h):
        self.v = v
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return 'K%d' % self.v
keys = [K(i, i % 3) for i in range(30)]
d = {}
for i, k in enumerate(keys):
    d[k] = i
print(len(d), d[K(29, 2)], K(30, 0) in d, list(d)[:5])
for k in keys[::2]:
    del d[k]
print(len(d), list(d)[:5], d.get(K(1, 1)), d.get(K(2, 2)))
for k in keys[::2]:
    d[k] = -1
print(list(d)[-3:], d[K(4, 1)])
big = {}
for i in range(1000):
    big[i << 16] = i
print(len(big), big[999 << 16], (1000 << 16) in big, big.__sizeof__())
neg = {-1: 'a', -2: 'b', 2 ** 61 - 2: 'c', -(2 ** 61) + 1: 'd'}
print(neg, neg[-1], neg[-2], hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61))
floats = {0.5: 'half', 1.0: 'one', 1: 'int one', float('inf'): 'inf', -0.0: 'negzero', 0: 'zero'}
print(floats)
s = set()
for k in keys:
    s.add(k)
for k in keys[1::2]:
    s.discard(k)
print(len(s), sorted(x.v for x in s)[:5], K(3, 0) in s, K(4, 1) in s)
