# Slice assignment from each kind of source (a list, a tuple, the list itself, other
# iterables), growing, shrinking and same-length, with the replaced items released
# after the list is consistent again.
def show(a):
    print(a, len(a))


for src in ([10, 20], (10, 20), range(10, 12), iter([10, 20]), "ab", {7: 1, 8: 2}):
    for lo, hi in ((0, 0), (0, 2), (1, 3), (2, 5), (5, 5), (-2, None), (3, 1), (0, 5)):
        a = [0, 1, 2, 3, 4]
        a[lo:hi] = src if not hasattr(src, "__next__") else list(src)
        print(type(src).__name__, lo, hi, a)

a = list(range(6))
a[1:4] = a
show(a)
a = list(range(6))
a[:] = a
show(a)
a = list(range(20))
a[2:18] = [None] * 16
show(a)
a = list(range(20))
a[2:18] = ()
show(a)
a = list(range(20))
a[0:1] = list(range(30))
show(a)
a = list(range(5))
a[:] = []
show(a)
del a[:]
show(a)

perm = list(range(9))
for k in (8, 3, 5, 0, 7):
    perm[:k + 1] = perm[k::-1]
    print(perm)

try:
    a = [1, 2]
    a[0:1] = 5
except TypeError as e:
    print("TypeError", e)


log = []


class Noisy:
    def __init__(self, name, target):
        self.name = name
        self.target = target

    def __del__(self):
        log.append((self.name, list(self.target)))


t = [0, 1, 2, 3]
t[1:3] = [Noisy("x", t), Noisy("y", t)]
t[1:3] = ["a", "b"]
print(log)
log.clear()
t[0:3] = [Noisy(i, t) for i in range(12)]
t[0:12] = [9]
print(log[:3], len(log))

s = slice(1, 3)
b = [5, 6, 7, 8]
print(b[s], b[1:3], b[::2], b[::-1])
b[1:3] = b[2:4]
print(b)
