# range: construction, repr, len, indexing, slicing, membership, index/count.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

r = range(2, 20, 3)
print(r, range(5), range(1, 5), range(5, 1, -1), range(0), range(-3, 3, 2))
print(len(r), list(r), r[0], r[-1], r[2], r.start, r.stop, r.step, bool(r), bool(range(0)))
print(r[1:4], r[::-1], r[::2], r[10:], r[-2:], list(r[::-2]), range(10)[::3][::-1], range(10)[-100:100])
print(5 in r, 6 in r, 20 in r, 2 in r, 5.0 in r, True in range(2), 'a' in r, None in r)
print(r.index(8), r.count(8), r.count(9), r.count(8.0), r.index(8.0))
attempt(lambda: r.index(9))
attempt(lambda: r.index('a'))
attempt(lambda: r[6])
attempt(lambda: r[-7])
attempt(lambda: r['a'])
attempt(lambda: r[1.0])
attempt(lambda: r[::0])
attempt(lambda: range())
attempt(lambda: range(1, 2, 3, 4))
attempt(lambda: range(1, 2, 0))
attempt(lambda: range(1.5))
attempt(lambda: range('a', 2))
attempt(lambda: range(1, 'b'))
attempt(lambda: range(1, 2, 'c'))
attempt(lambda: range(x=1))
attempt(lambda: r.__setitem__(0, 1))
attempt(lambda: setattr(r, 'start', 5))
attempt(lambda: r < r)
print(range(3) == range(0, 3), range(0, 3, 2) == range(0, 4, 2), range(0) == range(5, 2), range(2, 3) == range(2, 7, 9))
print(range(3) != range(3), range(3) == [0, 1, 2], range(1, 2) == range(1, 2, 2))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(9, 1)), hash(range(4, 5)) == hash(range(4, 5, 100)))
print(hash(range(10)), hash(range(2, 20, 3)))
print(r.__reduce__(), range(5).__reduce__(), type(r).__name__)
print(list(range(5, 0, -2)), list(range(-5)), list(range(0, -5, -1)), sum(range(101)))
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(range(Idx(3)), range(Idx(1), Idx(10), Idx(4)), list(range(Idx(2))), r[Idx(1)], range(10)[Idx(2):Idx(5)])
print(range(True, 5), range(False), list(range(3))[True])
print(Idx(5) in range(10), range(3).index(True))
print(range(10).__contains__(3), range(10).count(True))
