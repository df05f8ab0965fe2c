"""Mutating containers while iterating: lists grow/shrink safely, dicts/sets raise RuntimeError."""
l = [1, 2, 3, 4, 5, 6]
for x in l:
    if x % 2 == 0:
        l.remove(x)
print(l)
l = [1]
for x in l:
    if len(l) < 1000:
        l.append(x + 1)
print(len(l), l[-1])
l = list(range(10))
for i, x in enumerate(l):
    del l[i:]
print(l)
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = "changed value ok"
print(d)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1}
try:
    for k in d:
        d.pop(k)
        d[k] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
l = [3, 1, 2]
def key(v):
    l.append(v)
    return v
try:
    l.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)
print(l)
class Evil:
    def __eq__(self, other):
        victim.clear()
        return False
victim = [Evil(), Evil(), Evil()]
print(Evil() in victim, victim)
victim = [1, 2, 3]
it = iter(victim)
next(it)
victim.clear()
print(list(it))
d = {"a": 1}
keys = d.keys()
d["b"] = 2
print(list(keys))
print("survived")
