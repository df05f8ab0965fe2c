# list iterators and mutation during iteration.
l = [1, 2, 3]
it = iter(l)
print(type(it).__name__, it.__length_hint__(), next(it))
l.append(4)
print(list(it), it.__length_hint__(), list(it))
l = [1, 2, 3, 4, 5, 6]
for x in l:
    if x % 2:
        l.remove(x)
print(l)
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if len(l) < 6:
        l.append(x * 10)
print(out)
r = reversed([1, 2, 3])
print(type(r).__name__, r.__length_hint__(), next(r), list(r), r.__length_hint__())
l = [1, 2, 3]
r = reversed(l)
next(r)
l.clear()
print(r.__length_hint__(), list(r))
l = [1, 2, 3]
r = reversed(l)
l.append(4)
print(list(r))
it = iter([1, 2, 3])
it.__setstate__(1)
print(list(it))
it = iter([1, 2, 3])
print(it.__reduce__()[1:])
r = reversed([1, 2, 3])
r.__setstate__(0)
print(list(r))
r = reversed([1, 2, 3])
r.__setstate__(-7)
print(list(r))
r = reversed([1, 2, 3])
r.__setstate__(50)
print(list(r))
print([].__reversed__().__length_hint__(), list(reversed([])))
try:
    iter([]).__setstate__(1.5)
except TypeError as e:
    print('TypeError', e)
