# Keys whose __eq__ or __hash__ mutate the dict during a lookup.
class Key:
    def __init__(self, name, h, target=None, action=None):
        self.name = name
        self.h = h
        self.target = target
        self.action = action
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        if self.action is not None:
            act, self.action = self.action, None
            act(self.target)
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return 'Key(%s)' % self.name

d = {}
d[Key('a', 1)] = 'A'
d[Key('b', 1)] = 'B'
probe = Key('b', 1, d, lambda t: t.clear())
print(d.get(probe), d)

d = {}
d[Key('a', 5)] = 'A'
probe = Key('a', 5, d, lambda t: t.__setitem__(Key('z', 6), 'Z'))
print(d.get(probe), len(d))

d = {}
for i in range(4):
    d[Key('k%d' % i, 0)] = i
probe = Key('k3', 0, d, lambda t: [t.__setitem__(j, j) for j in range(20)])
print(d.get(probe), len(d))

d = {}
stored = Key('s', 3)
d[stored] = 'S'
def swap(t):
    del t[stored]
    t[Key('s', 3)] = 'replaced'
probe = Key('s', 3, d, swap)
print(d[probe], d)

class RaisingEq:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError('eq failed')
d = {1: 'one'}
try:
    d[RaisingEq()]
except ValueError as e:
    print('ValueError', e)
try:
    d[RaisingEq()] = 2
except ValueError as e:
    print('ValueError', e)
print(d)

class BadHash:
    def __hash__(self):
        raise TypeError('cannot hash this')
try:
    {BadHash(): 1}
except TypeError as e:
    print('TypeError', e)
class HashMinusOne:
    def __hash__(self):
        return -1
    def __eq__(self, o):
        return isinstance(o, HashMinusOne)
print(hash(HashMinusOne()), {HashMinusOne(): 1}[HashMinusOne()])
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()), len({BigHash(): 1, BigHash(): 2}))

# The stored key's __eq__ runs during a lookup: mutations restart the lookup.
d = {}
k1 = Key('a', 1)
d[k1] = 'A'
k1.target, k1.action = d, (lambda t: t.clear())
print(d.get(Key('b', 1)), d)

d = {}
k1 = Key('a', 1)
d[k1] = 'A'
d[Key('b', 1)] = 'B'
k1.target, k1.action = d, (lambda t: [t.__setitem__(n, n) for n in range(30)])
print(d.get(Key('b', 1)), len(d))

d = {}
k1 = Key('a', 1)
d[k1] = 'A'
def replace_entry(t):
    del t[k1]
    t[Key('b', 1)] = 'new B'
k1.target, k1.action = d, replace_entry
print(d.get(Key('b', 1)), d)

d = {}
k1 = Key('a', 1)
d[k1] = 'A'
k1.target, k1.action = d, (lambda t: t.__setitem__('x', 'X'))
d[Key('c', 1)] = 'C'
print(d)

s = set()
k1 = Key('a', 1)
s.add(k1)
k1.target, k1.action = s, (lambda t: t.clear())
print(Key('b', 1) in s, len(s))
s = set()
k1 = Key('a', 1)
s.add(k1)
k1.target, k1.action = s, (lambda t: t.update(range(50)))
s.add(Key('b', 1))
print(len(s), sorted(x for x in s if isinstance(x, int))[:3])
