import operator
from operator import itemgetter, attrgetter, methodcaller

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

g = itemgetter(1)
print(g([1, 2, 3]), g('abc'), g({1: 'one'}))
g3 = itemgetter(2, 0, slice(1, None))
print(g3('abcdef'), repr(g), repr(g3))
print(itemgetter('a', 'b')({'a': 1, 'b': 2}))
print(g.__reduce__(), g3.__reduce__())
show(itemgetter)
show(itemgetter, k=1)
show(g)
show(g, [1, 2], k=1)
show(g, [1, 2], [3])
show(g, [])
show(g, 5)
print(sorted([(3, 'c'), (1, 'a'), (2, 'b')], key=itemgetter(0)))
class P:
    def __init__(self, **kw): self.__dict__.update(kw)
p = P(name=P(first='Ada', last='Lovelace'), age=36)
a = attrgetter('age')
a2 = attrgetter('name.first', 'name.last', 'age')
print(a(p), a2(p))
print(repr(a), repr(a2), a2.__reduce__())
show(attrgetter, 1)
show(attrgetter, 'a', 2)
show(attrgetter)
show(attrgetter, a=1)
show(a)
show(a, p, p)
show(a, 5)
show(attrgetter('name.middle'), p)
show(attrgetter('a..b'), p)
print(repr(attrgetter('a..b')))
m = methodcaller('split', ',', maxsplit=1)
print(m('a,b,c'), repr(m), repr(methodcaller('upper')))
print(methodcaller('upper').__reduce__())
print(m.__reduce__()[1])
show(methodcaller)
show(methodcaller, 1)
show(methodcaller('upper'))
show(methodcaller('upper'), 'a', k=1)
show(methodcaller('nope'), 'a')
show(methodcaller('upper'), 'a', 'b')
for t in (itemgetter, attrgetter, methodcaller):
    try:
        class X(t): pass
    except TypeError as e:
        print(e)
    print(t.__module__, t.__name__, t.__qualname__)
print(type(g).__name__, type(a), type(m))
def rebuild(obj):
    f, args = obj.__reduce__()
    return f(*args)
for obj in (g, g3, a, a2, methodcaller('upper', 1)):
    print(repr(rebuild(obj)))
print(rebuild(m)('x,y,z'))
l = []
ig = itemgetter(l)
l.append(ig)
print(repr(ig))
l2 = []
ag = attrgetter('x')
mc = methodcaller('f', l2, k=l2)
l2.append(mc)
print(repr(mc))
print(itemgetter.__doc__.splitlines()[0])
