# heapq and bisect with their native modules blocked: the pure-Python versions must
# build the same heaps and give the same answers.
import sys
sys.modules["_heapq"] = None
sys.modules["_bisect"] = None
sys.modules.pop("heapq", None)
sys.modules.pop("bisect", None)
import heapq
import bisect
print(heapq.heappush.__module__, bisect.bisect_left.__module__)
data = [(i * 7919) % 101 for i in range(60)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(10)])
h2 = list(data)
heapq.heapify(h2)
print(h2)
print(heapq.heapreplace(h2, 500), heapq.heappushpop(h2, -1), heapq.heappushpop(h2, 1000), h2[:8])
m = list(data)
heapq._heapify_max(m)
print(m[:10], heapq._heappop_max(m), heapq._heapreplace_max(m, 3), m[:5])
print(heapq.nsmallest(5, data), heapq.nlargest(5, data, key=lambda v: -v))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], key=lambda v: v)))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
s = sorted(data)
print([bisect.bisect_left(s, v) for v in (0, 50, 100, 101)], [bisect.bisect_right(s, v) for v in (0, 50, 100)])
print(bisect.bisect(s, 50, 10, 40), bisect.bisect_left(s, 25, key=None), bisect.bisect_right([(1, "a"), (2, "b")], 1, key=lambda t: t[0]))
ins = [1, 3, 5]
bisect.insort(ins, 4)
bisect.insort_left(ins, 3)
bisect.insort_right(ins, (7), key=lambda v: v)
print(ins)
try:
    bisect.bisect_left(s, 1, -1)
except ValueError as e:
    print("ValueError", e)
