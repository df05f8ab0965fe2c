# set table sizes, visible through __sizeof__.
s = set()
out = []
for i in range(70):
    out.append(s.__sizeof__())
    s.add(i)
print(out)
print(set().__sizeof__(), frozenset().__sizeof__(), {1, 2, 3, 4, 5}.__sizeof__(), set(range(5)).__sizeof__())
print(frozenset(range(5)).__sizeof__(), set({1: 2, 3: 4, 5: 6, 7: 8, 9: 10}).__sizeof__())
t = set(range(100))
for i in range(95):
    t.discard(i)
print(t.__sizeof__(), t.copy().__sizeof__(), set(t).__sizeof__())
t.clear()
print(t.__sizeof__())
u = set(range(50))
u -= set(range(45))
print(u.__sizeof__(), u)
class S(set):
    pass
print(S().__sizeof__() - set().__sizeof__())
