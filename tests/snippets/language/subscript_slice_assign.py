"""Subscript and slice assignment/deletion: extended slices, length mismatches, negatives."""
l = list(range(10))
l[2] = "two"
l[-1] = "last"
print(l)
l[1:4] = ["a"]
print(l)
l[:0] = [100, 101]
print(l)
l[len(l):] = ["end"]
print(l)
l[::2] = range(len(l[::2]))
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
del l[::3]
print(l)
del l[1:3]
print(l)
del l[0]
print(l)
try:
    l[100] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    del l[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l["a"] = 1
except TypeError as e:
    print(type(e).__name__, e)
m = [1, 2, 3, 4, 5]
m[1:-1] = m
print(m)
m[::-1] = list(range(len(m)))
print(m)
m[5:2] = ["x"]
print(m)
n = [0] * 5
n[1:3] = "ab"
print(n)
d = {}
d[1, 2] = "tuple key"
d[(3,)] = "one"
print(d, d[1, 2])
del d[1, 2]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
class S:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
s = S()
print(s[1], s[1:2], s[::3], s[1:2, 3], s[...], s[:, None])
s[1:2] = 5
s[::-1, 0] = 6
del s[:]
t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
