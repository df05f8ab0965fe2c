# dict equality, including values whose __eq__ mutates the dicts.
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 2}, {} == {}, {1: 2} == [(1, 2)], {1: 1} == {1: 1.0})
for op in ['<', '<=', '>', '>=']:
    try:
        print(eval('{1: 2} %s {1: 2}' % op))
    except TypeError as e:
        print('TypeError', e)
n = float('nan')
print({1: n} == {1: n}, {1: float('nan')} == {1: float('nan')})
class Noisy:
    def __init__(self, v, target=None):
        self.v = v
        self.target = target
    def __eq__(self, other):
        if self.target is not None:
            self.target.clear()
        return isinstance(other, Noisy) and self.v == other.v
    __hash__ = None
a = {}
a['k'] = Noisy(1, a)
a['j'] = Noisy(2)
b = {'k': Noisy(1), 'j': Noisy(2)}
print(a == b, len(a))
x = {'p': Noisy(1)}
y = {'p': Noisy(1, x)}
print(x == y, y == x, len(x))
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
d1 = {Key(i): i for i in range(20)}
d2 = {Key(i): i for i in reversed(range(20))}
print(d1 == d2, list(d1.values()) == list(d2.values()))
print({'a': [1, {2: (3,)}]} == {'a': [1, {2: (3,)}]}, {1: 2, 3: 4} == {3: 4, 1: 2})
class Sub(dict):
    pass
print(Sub(a=1) == {'a': 1}, {'a': 1} == Sub(a=1), Sub() != {})
