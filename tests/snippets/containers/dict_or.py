# The | and |= operators of dicts (PEP 584).
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a, b)
c = a
c |= b
print(c, a is c)
c |= [('w', 0)]
c |= {'q': 1}.items()
print(c)
for bad in [lambda: a | [('k', 1)], lambda: [('k', 1)] | a, lambda: a | 1, lambda: a | None]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
try:
    c |= 5
except TypeError as e:
    print('TypeError', e)
try:
    c |= [1]
except TypeError as e:
    print('TypeError', e)
class D(dict):
    pass
d = D(k=1)
print(type(d | {}).__name__, type({} | d).__name__, d | {'m': 2})
d |= {'n': 3}
print(type(d).__name__, d)
class Ror(dict):
    def __ror__(self, other):
        return 'ror called'
print({} | Ror(), Ror() | {})
print(dict.__or__({1: 1}, {2: 2}), dict.__or__({1: 1}, 3), dict.__ror__({1: 1}, {2: 2}))
