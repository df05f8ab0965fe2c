# list.sort: the list appears empty during the sort; mutation is detected;
# exceptions from key or __lt__ propagate.
l = [3, 1, 2]
def key(x):
    print('key sees', l, len(l))
    return x
l.sort(key=key)
print(l)

l = [3, 1, 2]
def bad_key(x):
    l.append(x)
    return x
try:
    l.sort(key=bad_key)
except ValueError as e:
    print('ValueError', e)
print(l)

l = [5, 4, 3]
def raising_key(x):
    if x == 4:
        raise KeyError('key failed')
    return x
try:
    l.sort(key=raising_key)
except KeyError as e:
    print('KeyError', e)
print(l)

class Cmp:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Cmp.calls += 1
        if Cmp.calls == 4:
            raise ZeroDivisionError('boom at 4')
        return self.v < other.v
    def __repr__(self):
        return 'C%d' % self.v
items = [Cmp(i) for i in [5, 3, 8, 1, 9, 2]]
try:
    items.sort()
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(items)

class Mutator:
    def __init__(self, v, target):
        self.v = v
        self.target = target
    def __lt__(self, other):
        self.target.clear()
        self.target.append(0)
        return self.v < other.v
m = []
m.extend(Mutator(i, m) for i in [2, 1, 3])
try:
    m.sort()
except ValueError as e:
    print('ValueError', e)
print(len(m), [x.v for x in m])

class Weird:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return NotImplemented
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return 'W%d' % self.v
print(sorted([Weird(3), Weird(1), Weird(2)]))
