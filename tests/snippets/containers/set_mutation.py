# Sets changed while iterating, and elements whose __eq__ mutates the set.
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
print(len(s))
s = {1, 2, 3}
it = iter(s)
print(it.__length_hint__(), next(it), it.__length_hint__())
s.discard(3)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
print(it.__length_hint__())
s = set(range(5))
it = iter(s)
s.remove(0)
s.add(100)
print(sorted(it))

class Evil:
    def __init__(self, v, target=None):
        self.v = v
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        if self.target is not None:
            t, self.target = self.target, None
            t.clear()
        return isinstance(other, Evil) and other.v == self.v
    def __repr__(self):
        return 'E%d' % self.v
s = set()
e1 = Evil(1)
s.add(e1)
e1.target = s
print(Evil(2) in s, s)
s = {Evil(1), Evil(2)}
print(len(s), Evil(2) in s, Evil(3) in s)
class Raising:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError('no eq')
s = {Raising()}
try:
    Raising() in s
except ValueError as e:
    print('ValueError', e)
try:
    s.add(Raising())
except ValueError as e:
    print('ValueError', e)
s = {1}
print(s.__iter__().__reduce__()[1], list(iter(set())))
