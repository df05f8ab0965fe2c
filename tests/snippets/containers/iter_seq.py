# The sequence iterator (__getitem__ protocol) and iter(callable, sentinel).
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
it = iter(Seq())
print(type(it).__name__, list(it), list(it), next(it, 'done'))
class Stopper:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(Stopper()))
class WithLen:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return 'x%d' % i
    def __len__(self):
        return 3
it = iter(WithLen())
print(it.__length_hint__(), next(it), it.__length_hint__(), it.__reduce__()[2], list(it), it.__length_hint__())
print(iter(Seq()).__length_hint__())
class Bad:
    def __getitem__(self, i):
        raise KeyError('key error escapes')
try:
    list(Bad())
except KeyError as e:
    print('KeyError', e)
it = iter(WithLen())
it.__setstate__(2)
print(list(it))
print(3 in Seq(), 5 in Seq(), 'x1' in WithLen())

n = iter([1, 2, 3, 4, 5]).__next__
ci = iter(n, 4)
print(type(ci).__name__, list(ci), list(ci))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)), counter)
def stops():
    raise StopIteration
print(list(iter(stops, None)))
class Sentinel:
    def __eq__(self, other):
        print('sentinel eq', other)
        return other == 2
vals = iter([1, 2, 3])
print(list(iter(vals.__next__, Sentinel())))
def boom():
    raise ValueError('from callable')
try:
    list(iter(boom, 0))
except ValueError as e:
    print('ValueError', e)
try:
    iter(5, 1)
except TypeError as e:
    print('TypeError', e)
try:
    iter(5)
except TypeError as e:
    print('TypeError', e)
ci = iter(tick, 100)
print(next(ci), ci.__reduce__()[1][1])
