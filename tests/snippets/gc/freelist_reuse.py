# Lists, floats and generators recycled many times keep their values apart; a full
# collection (which empties the free lists) leaves everything usable.
import gc
keep = []
for i in range(300):
    a = [i, i + 1]
    b = [float(i) / 3]
    if i % 7 == 0:
        keep.append(a)
    del a, b
print(len(keep), keep[:3], keep[-1])
def gen(n):
    for i in range(n):
        yield [i] * 2
gens = [gen(k) for k in range(5)]
print([list(g) for g in gens])
gc.collect()
fresh = [[j] for j in range(100)]
print(sum(x[0] for x in fresh), [0.1 * k for k in range(3)])
class L(list):
    pass
subs = [L([i]) for i in range(5)]
del subs
print(L([1, 2]), type(L()).__name__, gc.collect() >= 0)
