"""Long linked structures built from objects, deep generator chains, self-referencing containers."""
class Node:
    __slots__ = ("v", "next")
    def __init__(self, v, nxt):
        self.v = v
        self.next = nxt
head = None
for i in range(200_000):
    head = Node(i, head)
n, count = head, 0
while n is not None:
    count += 1
    n = n.next
print(count)
del head
print("freed long chain")
l = [1, 2]
l.append(l)
d = {"self": None}
d["self"] = d
print(l, d, repr(l) == str(l))
t = ([],)
t[0].append(t)
print(t)
s = set()
print(l == l, d == d)
g = iter(range(10))
for _ in range(10_000):
    g = (x for x in g)
try:
    print(sum(g))
except RecursionError as e:
    print(type(e).__name__)
def chain(n):
    it = iter([1, 2, 3])
    for _ in range(n):
        it = map(lambda x: x, it)
    return it
print(list(chain(500)))
del g
print("survived")
