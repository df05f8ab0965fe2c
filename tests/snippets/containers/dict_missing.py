# __missing__ in dict subclasses.
class Default(dict):
    def __missing__(self, key):
        self[key] = value = [key]
        return value

d = Default(a=1)
print(d['a'], d['b'], d, 'c' in d, d.get('c'), d)
print(d.get('zz', 'no missing for get'), d.pop('q', 'nor for pop'))

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()))

class Raising(dict):
    def __missing__(self, key):
        raise LookupError('missing %r' % (key,))
try:
    Raising()['x']
except LookupError as e:
    print('LookupError', e)

class NotCallable(dict):
    __missing__ = 5
try:
    NotCallable()['x']
except TypeError as e:
    print('TypeError', e)

class Plain(dict):
    pass
try:
    Plain()['x']
except KeyError as e:
    print('KeyError', e)

p = Plain()
p.__missing__ = lambda k: 'instance attr ignored'
try:
    p['x']
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.__missing__ = 1
except AttributeError as e:
    print('AttributeError', e)

class ViaGetattr(dict):
    def __getattr__(self, name):
        return lambda k: 'getattr ' + name
try:
    ViaGetattr()['x']
except KeyError as e:
    print('KeyError', e)

class Static(dict):
    @staticmethod
    def __missing__(key):
        return 'static ' + key
print(Static()['k'])
class Cls(dict):
    @classmethod
    def __missing__(cls, key):
        return cls.__name__ + ' ' + key
print(Cls()['k'])
print(dict.__getitem__(Default(), 'z') if False else 'skip', Default().__getitem__('w'))
