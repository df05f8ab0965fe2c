# The order in which containers release their items (visible through __del__).
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

l = [D('l0'), D('l1'), D('l2')]
print('clear list')
l.clear()
print('drop list')
l = [D('m0'), D('m1'), D('m2')]
del l
print('drop tuple')
t = (D('t0'), D('t1'), D('t2'))
del t
print('drop dict')
d = {D('k0'): D('v0'), D('k1'): D('v1')}
del d
print('clear dict')
d = {'a': D('a'), 'b': D('b')}
d.clear()
print('pop dict')
d = {'a': D('pa')}
d.pop('a')
print('replace value')
d = {'a': D('old')}
d['a'] = D('new')
print('del slice')
l = [D('s0'), D('s1'), D('s2'), D('s3')]
del l[1:3]
print('del extended slice')
l = [D('e0'), D('e1'), D('e2'), D('e3')]
del l[::2]
print('assign slice')
l = [D('a0'), D('a1'), D('a2')]
l[0:2] = [1]
print('drop set')
s = {1, 2}
s2 = [D('in list')]
del s2
print('sort with key')
l = [3, 1, 2]
l.sort(key=lambda x: D('key%d' % x) and x)
print('done', [x for x in l])
class Resurrect:
    saved = []
    def __del__(self):
        print('resurrected into list')
        Resurrect.saved.append(self)
l = [Resurrect()]
l.clear()
print(len(Resurrect.saved))
class Refill:
    def __init__(self, target):
        self.target = target
    def __del__(self):
        self.target.append('refilled')
l = []
l.append(Refill(l))
l.clear()
print(l)
d = {}
d['x'] = Refill([])
d['y'] = 1
del d['x']
print(d)
