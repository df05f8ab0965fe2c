"""WeakValueDictionary, WeakKeyDictionary and WeakSet: entries vanish when their
objects die (at once with reference counting, at a collection for cycles)."""
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Obj(%r)' % self.name


# WeakValueDictionary.
a, b, c = Obj('a'), Obj('b'), Obj('c')
wvd = weakref.WeakValueDictionary()
wvd['a'] = a
wvd['b'] = b
wvd[3] = c
print(len(wvd), sorted(map(str, wvd.keys())), wvd['a'], wvd.get('b'), 'a' in wvd)
del b
print(len(wvd), 'b' in wvd, wvd.get('b', 'missing'))
try:
    wvd['b']
except KeyError as e:
    print('KeyError', e)
print(sorted(map(str, wvd)), sorted(map(repr, wvd.values())))
print(sorted((str(k), v) for k, v in wvd.items()))
print('setdefault', wvd.setdefault('a', Obj('other')), wvd.setdefault('d', c))
print('pop', wvd.pop('d'), wvd.pop('zz', 'dflt'))
try:
    wvd.pop('zz')
except KeyError as e:
    print('KeyError', e)
k, v = wvd.popitem()
print('popitem', k in ('a', 3), v in (a, c), len(wvd))
wvd.update({'x': a}, y=c)
print(sorted(map(str, wvd)))
copy = wvd.copy()
print(type(copy).__name__, len(copy))
print('valuerefs', len(wvd.valuerefs()), all(isinstance(r, weakref.ref) for r in wvd.valuerefs()))
print(repr(wvd).startswith('<WeakValueDictionary at 0x'))
d2 = weakref.WeakValueDictionary({'p': a})
print(d2['p'], 'p' in d2)
del a, c
print('after deleting all', len(wvd), len(d2), list(wvd))
for bad in [1, 'str', None]:
    try:
        wvd['k'] = bad
    except TypeError as e:
        print('TypeError', e)
print('| merge', sorted(weakref.WeakValueDictionary({'m': Obj}) | {'n': Obj}))

# Values in a cycle vanish at a collection.
gc.disable()
x = Obj('cyc')
x.me = x
wvd['cyc'] = x
del x
print('cycle value before collect', len(wvd))
gc.collect()
print('cycle value after collect', len(wvd))
gc.enable()

# WeakKeyDictionary.
k1, k2, k3 = Obj('k1'), Obj('k2'), Obj('k3')
wkd = weakref.WeakKeyDictionary()
wkd[k1] = 1
wkd[k2] = 2
wkd[k3] = [3]
print(len(wkd), wkd[k1], wkd.get(k2), k3 in wkd, 5 in wkd)
del k2
print(len(wkd), sorted(o.name for o in wkd), sorted(map(repr, wkd.values())))
print(sorted((k.name, v) for k, v in wkd.items()))
print('keyrefs', len(wkd.keyrefs()))
print('setdefault', wkd.setdefault(k1, 100), wkd.setdefault(Obj('tmp'), 5), len(wkd))
print('pop', wkd.pop(k3), len(wkd))
try:
    wkd[1] = 2
except TypeError as e:
    print('TypeError', e)
try:
    wkd[Obj('gone')]
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__)
wkd.update({k1: 'updated'})
print(wkd[k1])
del wkd[k1]
print(len(wkd))


# Keys compare by equality: two equal keys are one entry.
class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Key) and other.v == self.v

    def __hash__(self):
        return hash(self.v)


e1, e2 = Key(1), Key(1)
wk = weakref.WeakKeyDictionary()
wk[e1] = 'first'
wk[e2] = 'second'
print(len(wk), wk[e1])
del e1
print('after deleting the stored key', len(wk))

# WeakSet.
s1, s2, s3 = Obj('s1'), Obj('s2'), Obj('s3')
ws = weakref.WeakSet([s1, s2])
ws.add(s3)
print(len(ws), s1 in ws, Obj('other') in ws, 1 in ws)
del s2
print(len(ws), sorted(o.name for o in ws))
ws.discard(s3)
print(len(ws))
ws.add(s3)
ws.remove(s3)
try:
    ws.remove(s3)
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__, e.args[0]() is s3)
o4 = Obj('s4')
other = weakref.WeakSet([s1, o4])
print('union', sorted(o.name for o in ws | other), 'inter', sorted(o.name for o in ws & other))
print('diff', sorted(o.name for o in other - ws), 'sym', sorted(o.name for o in ws ^ other))
print('subset', ws <= other, ws < other, other >= ws, ws == weakref.WeakSet([s1]))
print(type(ws.copy()).__name__, len(ws.copy()))
p = ws.pop()
print('pop', p.name, len(ws))
try:
    ws.pop()
except KeyError as e:
    print('KeyError', e)
try:
    ws.add(1)
except TypeError as e:
    print('TypeError', e)
ws.update([s1, s3])
ws.clear()
print('clear', len(ws))
# Iteration while elements die.
items = [Obj(i) for i in range(10)]
ws = weakref.WeakSet(items)
seen = 0
for o in ws:
    seen += 1
    if seen == 1:
        del items[:5]
print('iterated', seen >= 1, 'left', len(ws))
print(repr(weakref.WeakSet()))
