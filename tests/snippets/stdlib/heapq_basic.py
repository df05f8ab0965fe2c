import heapq
import _heapq
import random

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

rng = random.Random(5)
data = [rng.randrange(100) for _ in range(40)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = data[:]
heapq.heapify(h)
print(h)
big = [rng.randrange(10000) for _ in range(3000)]
hb = big[:]
heapq.heapify(hb)
print(hb[:30], hb[-10:])
mb = big[:]
heapq._heapify_max(mb)
print(mb[:30])
print(heapq.heapreplace(h, 50), h[:10])
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 1000), h[:10])
print(heapq.heappushpop([], 3))
m = data[:]
heapq._heapify_max(m)
print(m[:10], heapq._heappop_max(m), heapq._heapreplace_max(m, 7), m[:10])
show(heapq.heappop, [])
show(heapq.heapreplace, [], 1)
show(heapq._heappop_max, [])
show(heapq._heapreplace_max, [], 1)
show(heapq.heappush, (), 1)
show(heapq.heappush, [])
show(heapq.heappop, ())
show(heapq.heapify, None)
show(heapq._heapify_max, 'x')
show(heapq.heappushpop, {}, 1)
show(heapq.heappush, [1], 'a')
class Evil:
    def __init__(self, heap): self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return False
hh = []
hh.extend([1, 2])
hh.append(Evil(hh))
show(heapq.heapify, hh)
hh = [3, 1]
hh.append(Evil(hh))
show(heapq.heappush, hh, Evil(hh))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda t: t[0])))
print(list(heapq.merge([(2, 'a'), (1, 'a')], [(2, 'b'), (1, 'b')], key=lambda t: t[0], reverse=True)))
print(list(heapq.merge()), list(heapq.merge([1, 2])))
pairs = [(rng.randrange(10), i) for i in range(50)]
for n in (0, 1, 2, 5, 49, 50, 60, -1):
    print(n, heapq.nsmallest(n, pairs, key=lambda p: p[0]))
    print(n, heapq.nlargest(n, pairs, key=lambda p: p[0]))
    print(n, heapq.nsmallest(n, iter(data)), heapq.nlargest(n, iter(data)))
print(heapq.nsmallest(3, []), heapq.nlargest(1, []), heapq.nlargest(1, iter([])))
print(heapq.__all__)
print(heapq.heappush.__module__, heapq.heappush.__text_signature__, heapq.heappop.__doc__)
