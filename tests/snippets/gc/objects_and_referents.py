"""get_objects(generation), get_referrers, get_referents, freeze/unfreeze/get_freeze_count."""
import gc


class Marker:
    __slots__ = ('tag', '__weakref__')

    def __init__(self, tag):
        self.tag = tag

    def __repr__(self):
        return 'Marker(%r)' % self.tag


def ids(objs):
    return {id(o) for o in objs}


gc.disable()
gc.collect()
m = Marker('m')
holder = [m]
print('tracked', gc.is_tracked(m), gc.is_tracked(holder))
print('in get_objects()', id(m) in ids(gc.get_objects()))
print('in generation 0', id(m) in ids(gc.get_objects(0)), id(m) in ids(gc.get_objects(1)),
      id(m) in ids(gc.get_objects(2)))
gc.collect(0)
print('after collect(0)', id(m) in ids(gc.get_objects(0)), id(m) in ids(gc.get_objects(1)),
      id(m) in ids(gc.get_objects(2)))
gc.collect(1)
print('after collect(1)', id(m) in ids(gc.get_objects(0)), id(m) in ids(gc.get_objects(1)),
      id(m) in ids(gc.get_objects(2)))
gc.collect()
print('after collect()', id(m) in ids(gc.get_objects(0)), id(m) in ids(gc.get_objects(1)),
      id(m) in ids(gc.get_objects(2)))
print('untracked objects are not listed', id(12345) in ids(gc.get_objects()))
result = gc.get_objects()
print('the result is not in itself', id(result) in ids(result))
del result
print('generation=None', type(gc.get_objects(generation=None)).__name__)
for bad in (3, -1, 'x', 1.0):
    try:
        gc.get_objects(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# get_referents: what tp_traverse visits.
a = Marker('a')
b = Marker('b')
print('list', gc.get_referents([a, b, 1]))
print('tuple', gc.get_referents((a, 'x')))
print('dict', sorted(map(repr, gc.get_referents({'k': a, 'j': b}))))
print('set', sorted(map(repr, gc.get_referents({1, 2}))))
print('several', gc.get_referents([a], (b,)))
print('atomic', gc.get_referents(1, 'x', None))
print('slots', a in gc.get_referents(a), 'a' in gc.get_referents(a), Marker in gc.get_referents(a))
print('nothing', gc.get_referents())
print('cell', gc.get_referents((lambda: a).__closure__[0]) if False else 'skip')


def outer():
    x = Marker('x')

    def inner():
        return x
    return inner


cell = outer().__closure__[0]
print('cell referents', gc.get_referents(cell))

# get_referrers: the tracked objects whose traversal visits an argument.
c = Marker('c')
l1 = [c]
l2 = [c, c]
t = (c, 1)
d = {'c': c}
refs = gc.get_referrers(c)
print('referrers', sorted(type(r).__name__ for r in refs))
print('contains l1, l2, t, d', all(any(r is o for r in refs) for o in (l1, l2, t, d)))
print('no argument', gc.get_referrers())
e = Marker('e')
print('two arguments', sorted(type(r).__name__ for r in gc.get_referrers(e, l1) if r is not globals()))

# freeze moves every tracked object to the permanent generation.
gc.collect()
print('freeze count before', gc.get_freeze_count())
gc.freeze()
n = gc.get_freeze_count()
print('frozen some', n > 100)
print('generations empty', len(gc.get_objects(0)), len(gc.get_objects(1)), len(gc.get_objects(2)))
print('frozen objects are not listed', id(holder) in ids(gc.get_objects()))
junk = []
junk.append(junk)
print('new objects are', id(junk) in ids(gc.get_objects(0)))
del junk
print('collect after freeze', gc.collect())
gc.freeze()
gc.unfreeze()
print('freeze count after unfreeze', gc.get_freeze_count())
print('back in generation 2', id(holder) in ids(gc.get_objects(2)))
gc.enable()
