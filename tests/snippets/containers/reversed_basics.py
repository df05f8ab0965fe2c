# reversed(): the __reversed__ protocol and the sequence fallback.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__(), list(r))
print(r.__reduce__()[0], len(r.__reduce__()))
class Custom:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Custom())))
class NotReversible:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
attempt(lambda: reversed(NotReversible()))
attempt(lambda: reversed({1, 2}))
attempt(lambda: reversed(5))
attempt(lambda: reversed(iter([1])))
attempt(lambda: reversed())
attempt(lambda: reversed([], []))
attempt(lambda: reversed(seq=[]))
class NoLen:
    def __getitem__(self, i):
        return i
attempt(lambda: reversed(NoLen()))
class Shrinks:
    def __init__(self):
        self.n = 4
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        self.n -= 1
        return i
print(list(reversed(Shrinks())))
class Raises:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        raise ValueError('getitem %d' % i)
attempt(lambda: list(reversed(Raises())))
r = reversed(Seq())
r.__setstate__(0)
print(list(r))
r = reversed(Seq())
r.__setstate__(-9)
print(list(r))
r = reversed(Seq())
r.__setstate__(9)
print(list(r), r.__reduce__())
class R(reversed):
    pass
print(list(R([1, 2])), type(R('ab')).__name__)
print(type(reversed(Custom())).__name__, reversed.__doc__)
