"""gc.collect(generation) returns the number of unreachable objects found.

Classes use __slots__ (no instance __dict__) and lists, so that the counts do not
depend on how instance dicts are stored."""
import gc

gc.collect()


class Node:
    __slots__ = ('other', 'payload')


def make_pair():
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    a.payload = b.payload = 1


make_pair()
print('pair', gc.collect())

l = []
l.append(l)
del l
print('self list', gc.collect())

for n in range(1, 6):
    first = prev = nxt = []
    for _ in range(n - 1):
        nxt = []
        prev.append(nxt)
        prev = nxt
    prev.append(first)
    del first, prev, nxt
    print('ring of', n, 'lists:', gc.collect())

# A cycle through a list and a tuple: the tuple holds a container, so it is tracked.
l = []
t = (l, 1)
l.append(t)
del l, t
print('list+tuple', gc.collect())

# A dict cycle: dict -> list -> dict.
d = {}
d['k'] = [d]
del d
print('dict+list', gc.collect())

# Nothing to collect.
print('empty', gc.collect(), gc.collect(0), gc.collect(1), gc.collect(2))

# Each generation argument is accepted, as keyword too.
for g in (0, 1, 2):
    x = []
    x.append(x)
    del x
    print('generation', g, gc.collect(g))
x = []
x.append(x)
del x
print('keyword', gc.collect(generation=2))

for bad in (3, -1, 100):
    try:
        gc.collect(bad)
    except ValueError as e:
        print('ValueError', e)
for bad in ('1', 1.5, None):
    try:
        gc.collect(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    gc.collect(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    gc.collect(gen=1)
except TypeError as e:
    print('TypeError', e)

# Reachable objects survive: a cycle still referenced from a global.
keep = []
keep.append(keep)
print('kept', gc.collect(), len(keep))

# A cycle among objects of a generation reached from an older generation survives a
# young collection.
gc.collect()
old = [[]]
gc.collect()
young = []
young.append(young)
old[0].append(young)
del young
print('young collection', gc.collect(0), len(old[0]))
