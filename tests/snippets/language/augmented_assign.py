"""Augmented assignment on names, subscripts, attributes, slices; evaluation order."""
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 3; print(x)
x %= 7; print(x)
n = 6
n &= 3; n |= 8; n ^= 1; n <<= 2; n >>= 1
print(n)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 5
print(lst)
d = {"a": 1}
d["a"] += 1
d.setdefault("b", []).append(1)
print(d)
class O:
    pass
o = O()
o.v = 1
o.v += 41
print(o.v)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
l1 = [1]
l2 = l1
l1 += [2]
print(l1, l2, l1 is l2)
l1 *= 2
print(l2)
log = []
class Logged:
    def __init__(self):
        self.data = {"k": 0}
    def __getitem__(self, k):
        log.append(("get", k))
        return self.data[k]
    def __setitem__(self, k, v):
        log.append(("set", k, v))
        self.data[k] = v
def key():
    log.append("key")
    return "k"
def obj():
    log.append("obj")
    return lg
lg = Logged()
obj()[key()] += 5
print(log)
try:
    t = (1, [2])
    t[1] += [3]
except TypeError as e:
    print(type(e).__name__, e, t)
try:
    undefined_name += 1
except NameError as e:
    print(type(e).__name__, e)
m = [0, 1, 2, 3, 4]
m[1:3] += [9]
print(m)
