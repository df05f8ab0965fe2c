# tuple hashes follow CPython's xxHash-based algorithm exactly.
print(hash(()), hash((1,)), hash((1, 2)), hash((2, 1)), hash((0, 0)), hash(((),)))
print(hash((1, (2, (3, (4,))))), hash((True, False)), hash((1.5, -2.25)), hash((-1,)), hash((-2,)))
print(hash((2 ** 100, -(2 ** 100))), hash(tuple(range(50))))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((1,)) == hash((True,)))
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError', e)
try:
    hash(((1,), {}))
except TypeError as e:
    print('TypeError', e)

class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash((H(5), H(-1))), hash((H(2 ** 65),)))

class Boom:
    def __hash__(self):
        raise RuntimeError('no hash')
try:
    hash((1, Boom()))
except RuntimeError as e:
    print('RuntimeError', e)
d = {(1, 2): 'a', (1, (2, 3)): 'b'}
print(d[(1, 2)], d[1, (2, 3)], (1, 2) in {(1, 2)})
