# repr of recursive dicts, views and nested containers.
d = {}
d['self'] = d
d['list'] = [d]
print(d, repr(d))
e = {1: {2: {3: {}}}}
e[1][2][3][4] = e
print(e)
k = {'a': 1}
k['keys'] = k.keys()
print(k)
v = {}
v['values'] = v.values()
v['items'] = v.items()
print(v)
class Mut:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        self.target['added'] = 1
        return 'Mut'
m = {}
m['x'] = Mut(m)
try:
    print(m)
except RuntimeError as e:
    print('RuntimeError', e)
print(len(m))
class Remover:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        self.target.clear()
        return 'Rem'
r = {1: 'a'}
r[2] = Remover(r)
r[3] = 'c'
print(repr(r), r)
class Bad:
    def __repr__(self):
        raise KeyError('bad repr')
try:
    repr({1: Bad()})
except KeyError as e:
    print('KeyError', e)
try:
    repr({Bad(): 1})
except KeyError as e:
    print('KeyError', e)
z = {0: 0}
z[1] = z
print(z)
print(str({1: 'x'}), repr({"'": '"'}), {(): []})
