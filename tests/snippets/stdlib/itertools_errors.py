from itertools import *

def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)

err(cycle)
err(cycle, [], [])
err(cycle, iterable=[])
err(dropwhile, len)
err(takewhile, len, [], x=1)
err(starmap, len)
err(filterfalse, None)
err(chain, [], x=1)
err(pairwise)
err(pairwise, [], [])
err(groupby)
err(groupby, [], None, 3)
err(groupby, [], keyfunc=1)
err(accumulate)
err(accumulate, [], None, None)
err(compress, [])
err(combinations, 'ab')
err(combinations, 'ab', 'x')
err(permutations)
err(count, 1, 2, 3)
err(count, strt=1)
err(repeat)
err(repeat, 1, 2, 3)
err(repeat, 1, 'x')
err(repeat, 1, tims=2)
err(tee)
err(tee, [], 'x')
err(tee, [], 2, 3)
err(cycle, 5)
err(chain.from_iterable)
err(list, chain(5))
err(list, chain([1], 5))
err(list, starmap(len, [1]))
err(islice, 5, 1)
err(product, 5)
err(lambda: next(starmap(None, [()])))
c = chain([1], 5)
print(next(c))
err(next, c)
print(list(c))

class Sub(cycle):
    def __init__(self, *a, **k):
        pass
print(list(islice(Sub([1, 2], extra=3), 5)) if False else 'skip')
err(Sub, [1], extra=3)
