"""Iterator protocol: __iter__/__next__, iterables vs iterators, __getitem__ fallback, exhaustion, StopIteration in for."""
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1
r = Range2(3)
print(list(r), list(r), [x * y for x in r for y in r])
it = iter(r)
print(list(it), list(it))
class Old:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return chr(97 + i)
print(list(Old()), "b" in Old(), list(enumerate(Old())))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoNext:
    def __iter__(self):
        return self
try:
    list(NoNext())
except TypeError as e:
    print(type(e).__name__, e)
class RaisesInNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("next failed")
try:
    for _ in RaisesInNext():
        pass
except ValueError as e:
    print(type(e).__name__, e)
i = iter([1, 2, 3])
for x in i:
    if x == 1:
        print("skipping", next(i))
    else:
        print("got", x)
d = {"a": 1}
di = iter(d)
print(next(di), next(di, "end"))
print(list(zip(*[iter(range(6))] * 2)))
class IterNone:
    __iter__ = None
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)
