# dict methods: get, setdefault, pop, popitem, update, fromkeys, copy, clear.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('a', 5), d.setdefault('c', 3), d.setdefault('n'), d)
print(d.pop('a'), d.pop('z', 'dflt'), d.pop('z', None), d)
attempt(lambda: d.pop('z'))
attempt(lambda: {}.pop([]))
attempt(lambda: {1: 2}.pop([]))
attempt(lambda: d.pop())
attempt(lambda: d.get())
attempt(lambda: d.get(1, 2, 3))
attempt(lambda: d.setdefault())
attempt(lambda: d.setdefault([], 1))
print(d.popitem(), d.popitem(), d)
attempt(lambda: {}.popitem())
d = {}
d.update({'x': 1})
d.update([('y', 2)])
d.update(z=3)
d.update({'x': 10}, w=4)
d.update()
print(d)
class KeysOnly:
    def keys(self):
        return ['k1', 'k2']
    def __getitem__(self, k):
        return k.upper()
d.update(KeysOnly())
print(d)
attempt(lambda: d.update(1))
attempt(lambda: d.update([1]))
attempt(lambda: d.update([(1,)]))
attempt(lambda: d.update({}, {}))
class BadKeys:
    def keys(self):
        return 3
attempt(lambda: d.update(BadKeys()))
class KeysIter:
    def keys(self):
        return iter(['a'])
    def __getitem__(self, k):
        return 'from-getitem'
attempt(lambda: dict(KeysIter()))
print(dict.fromkeys('abc'), dict.fromkeys(range(3), 0), dict.fromkeys({'x': 1, 'y': 2}, []), dict.fromkeys([]))
print(dict.fromkeys({3, 1, 2}))
attempt(lambda: dict.fromkeys())
attempt(lambda: dict.fromkeys(1))
attempt(lambda: dict.fromkeys([[]]))
class D(dict):
    pass
fk = D.fromkeys('ab', 1)
print(fk, type(fk).__name__)
class Logging(dict):
    def __setitem__(self, k, v):
        print('setitem', k, v)
        super().__setitem__(k, v)
print(Logging.fromkeys('xy', 0))
c = d.copy()
c['new'] = 1
print(len(c), len(d), c is d, type(D(a=1).copy()).__name__)
c.clear()
print(c, d.clear(), d)
print({1: 2}.__contains__(1), {1: 2}.__getitem__(1), dict.__contains__({}, 5))
attempt(lambda: {}.__contains__([]))
print({'a': 1}.keys().mapping, type({}.values().mapping).__name__)
