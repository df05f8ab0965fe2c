"""Chained assignment: shared objects, left-to-right target order, mixed targets."""
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
y += 1
print(x, y)
order = []
class T:
    def __setattr__(self, k, v):
        order.append(k)
        object.__setattr__(self, k, v)
t = T()
t.first = t.second = t.third = 0
print(order)
d = {}
d["a"] = d["b"] = i = 3
print(d, i)
p, q = r = (1, 2)
print(p, q, r)
lst = [0, 0, 0]
i = lst[i - 2] = 1
print(i, lst)
