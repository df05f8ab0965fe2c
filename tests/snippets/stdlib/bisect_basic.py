import bisect

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 3, 4, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=None))
print(bisect.bisect_right(a, 2, lo=4, hi=6), bisect.bisect_left(a, 9, 0, -1), bisect.bisect_left(a, 9, 0, -5))
recs = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
b = []
for x in (5, 1, 4, 1, 5, 9, 2, 6):
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5.0)
bisect.insort_right(b, 1.0)
print(b)
r = []
for rec in [('x', 4), ('y', 2), ('z', 4), ('w', 1)]:
    bisect.insort_left(r, rec, key=lambda t: t[1])
print(r)
class L(list):
    def insert(self, i, x):
        print('insert', i, x)
        super().insert(i, x)
l = L([1, 3])
bisect.insort(l, 2)
print(l)
print(bisect.bisect('abcdef', 'c'), bisect.bisect_left((1, 2, 3), 2))
show(bisect.bisect_left, a, 1, -1)
show(bisect.bisect_left, a, 1, 'x')
show(bisect.bisect_left, a, 1, 0, 'x')
show(bisect.bisect_left, a)
show(bisect.bisect_left, a, 1, 0, 1, 5)
show(bisect.bisect_left, a, 1, foo=2)
show(bisect.bisect_left, 5, 1)
show(bisect.bisect_left, [1, 'a'], 2)
show(bisect.insort, (1, 2), 3)
show(bisect.bisect_right, a, 1, 0, 100)
show(bisect.bisect_right, a, x=1, a=a, key=None)
print(bisect.bisect_right.__module__, bisect.bisect_right.__text_signature__)
