"""Infinite generators consumed with explicit bounds; generators that never stop are closed cleanly."""
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(gen, k):
    out = []
    for v in gen:
        if len(out) >= k:
            break
        out.append(v)
    return out
print(take(naturals(), 10))
g = naturals()
total = 0
for v in g:
    total += v
    if v >= 1_000_000:
        break
print(total)
g.close()
print(next(g, "closed"))
def cycle(seq):
    while True:
        yield from seq
c = cycle("abc")
print("".join(next(c) for _ in range(10)))
def squares():
    for n in naturals():
        yield n * n
print(next(v for v in squares() if v > 10_000))
z = zip(naturals(), "xyz")
print(list(z))
print(list(map(lambda a, b: a * b, naturals(), [5, 6, 7])))
print(any(v > 500 for v in naturals()), 42 in naturals())
e = enumerate(naturals())
print([next(e) for _ in range(3)])
class Forever:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
it = iter(Forever())
print(sum(next(it) for _ in range(100_000)))
gens = [naturals() for _ in range(10_000)]
print(sum(next(x) for x in gens))
del gens
print("survived")
