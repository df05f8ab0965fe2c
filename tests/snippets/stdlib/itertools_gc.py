import gc, weakref, itertools
from itertools import *

class Obj:
    pass

def cycle_through(make):
    o = Obj()
    o.it = make(o)
    r = weakref.ref(o)
    del o
    gc.collect()
    return r() is None

makers = {
    'count-step': lambda o: count(0, o) if False else chain([o]),
    'cycle': lambda o: cycle([o]),
    'repeat': lambda o: repeat(o),
    'accumulate': lambda o: accumulate([o]),
    'chain': lambda o: chain([o], [o]),
    'compress': lambda o: compress([o], [1]),
    'dropwhile': lambda o: dropwhile(o, []),
    'takewhile': lambda o: takewhile(o, []),
    'filterfalse': lambda o: filterfalse(o, []),
    'groupby': lambda o: groupby([o], key=None),
    'islice': lambda o: islice([o], 1),
    'pairwise': lambda o: pairwise([o, o]),
    'starmap': lambda o: starmap(o, []),
    'tee': lambda o: tee([o])[0],
    'zip_longest': lambda o: zip_longest([o], fillvalue=o),
    'product': lambda o: product([o]),
    'permutations': lambda o: permutations([o]),
    'combinations': lambda o: combinations([o], 1),
    'cwr': lambda o: combinations_with_replacement([o], 1),
}
for name, make in makers.items():
    print(name, cycle_through(make))

# A tee whose source iterator refers back to the tee.
def gen(box):
    yield box
    yield from box[0]
box = []
a, b = tee(gen(box))
box.append(a)
r = weakref.ref(a)
del a, b, box
gc.collect()
print('tee self cycle collected', r() is None)

# groupby: the grouper keeps the parent alive.
g = groupby('aab')
k, grp = next(g)
del g
print(k, list(grp))

# subclassing
class C(count):
    def __repr__(self):
        return 'C<' + super().__repr__() + '>'
print(C(5, 2), next(C(1)))
class Ch(chain):
    pass
print(list(Ch('ab', 'c')), type(Ch.from_iterable(['xy'])).__name__)
print(isinstance(chain(), Ch), isinstance(Ch(), chain))
for t in (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
          filterfalse, groupby, islice, pairwise, starmap, zip_longest, product,
          permutations, combinations, combinations_with_replacement):
    print(t.__name__, t.__module__, t.__qualname__, '__iter__' in dir(t))
try:
    class X(type(tee([])[0])): pass
except TypeError as e:
    print('TypeError', e)
print(type(tee([])[0]).__name__, type(groupby('a').__next__()[1]).__name__)
print(sorted(n for n in dir(itertools) if not n.startswith('__')))
