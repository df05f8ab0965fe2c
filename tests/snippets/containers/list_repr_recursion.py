# repr of self-referencing and mutating lists.
l = [1, 2]
l.append(l)
print(l, repr(l), str(l))
m = [l, [l]]
print(m)
d = {'k': l}
l.append(d)
print(l)
t = (l,)
print(t)

class Mutating:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        if len(self.target) < 6:
            self.target.append(len(self.target))
        return 'M'
x = []
x.append(Mutating(x))
print(repr(x), len(x))

class Shrinking:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        self.target.clear()
        return 'S'
y = [0]
y.append(Shrinking(y))
y.append(5)
print(repr(y), y)

class BadRepr:
    def __repr__(self):
        raise ValueError('bad repr')
try:
    repr([1, BadRepr(), 3])
except ValueError as e:
    print('ValueError', e)
z = [1]
z.append(z)
print(z)  # the repr machinery was left clean after the error
class NotStr:
    def __repr__(self):
        return 5
try:
    repr([NotStr()])
except TypeError as e:
    print('TypeError', e)
print(repr([[[[[]]]]]), repr([1.0, -0.0, float('inf')]))
