# list comparisons, including items whose __eq__ mutates the lists.
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1] < [1, 0], [2] > [1, 9], [] < [0])
print([1, 2] <= [1, 2], [1, 2] >= [1, 2, 0], [1, 2] == (1, 2), [1] != 'a')
try:
    [1] < (1,)
except TypeError as e:
    print('TypeError', e)
try:
    [1, 'a'] < [1, 2]
except TypeError as e:
    print('TypeError', e)
nan = float('nan')
print([nan] == [nan], [float('nan')] == [float('nan')])

class Eq:
    calls = 0
    def __init__(self, v, other=None):
        self.v = v
        self.other = other
    def __eq__(self, o):
        Eq.calls += 1
        if self.other is not None:
            self.other.clear()
        return isinstance(o, Eq) and o.v == self.v
    __hash__ = None
a = [1, Eq(2), 3]
b = [1, Eq(2), 3]
print(a == b, Eq.calls)
c = []
a = [Eq(1, c), Eq(2)]
c.extend([Eq(1), Eq(2)])
print(a == c, len(c), a != c)

class Lt:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return False
    def __lt__(self, o):
        return 'yes'
    def __gt__(self, o):
        return 'no'
print([Lt(1)] < [Lt(2)], [Lt(1)] > [Lt(2)], [Lt(1)] == [Lt(1)])
x = [1, 2]
print(x == x, x < x, [x] == [x])
