# tuple iterators: length hints, exhaustion, pickling state.
t = (10, 20, 30)
it = iter(t)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
print(it.__reduce__()[1:], list(it), it.__length_hint__(), it.__reduce__()[1:])
it = iter(t)
it.__setstate__(2)
print(list(it))
it = iter(t)
it.__setstate__(-5)
print(list(it))
it = iter(t)
it.__setstate__(100)
print(list(it))
try:
    iter(t).__setstate__('x')
except TypeError as e:
    print('TypeError', e)
print(list(zip(t, t[1:])), sum(t), max(t), sorted(t, reverse=True))
a, *b = t
print(a, b)
print([x for x in ()], list(iter(())))
