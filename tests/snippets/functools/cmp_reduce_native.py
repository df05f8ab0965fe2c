# functools.cmp_to_key and functools.reduce (native _functools), with their errors.
import functools
from functools import cmp_to_key, reduce


def cmp(a, b):
    return (a > b) - (a < b)


print(sorted([3, 1, 2], key=cmp_to_key(cmp)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: cmp(b, a))))
K = cmp_to_key(cmp)
print(type(K).__name__, K.obj, K(3).obj, K(obj=4).obj)
a, b = K(1), K(2)
print(a < b, a > b, a == b, a <= b, a >= b, a != b)
k = K(1)
k.obj = 5
print(k > b)
for thunk in (lambda: hash(K(1)), lambda: K(1) < 2, lambda: K(), lambda: K(1, 2),
              lambda: cmp_to_key(), lambda: type(K)(cmp)):
    try:
        print(thunk())
    except TypeError as e:
        print("TypeError:", e)
print(cmp_to_key(mycmp=cmp)(1) < K(2))
print(reduce(lambda x, y: x + y, [1, 2, 3]), reduce(lambda x, y: x * y, [], 7))
print(reduce(lambda x, y: x + y, "abc", "z"), reduce(max, iter([3, 9, 2])))
for thunk in (lambda: reduce(len), lambda: reduce(), lambda: reduce(len, 1, 2, 3),
              lambda: reduce(len, [], initial=4), lambda: reduce(len, 5),
              lambda: reduce(len, [])):
    try:
        print(thunk())
    except TypeError as e:
        print("TypeError:", e)


def bad():
    yield 1
    raise ValueError("boom")


try:
    reduce(lambda x, y: x, bad())
except ValueError as e:
    print("ValueError:", e)
import _functools
print(sorted(n for n in dir(_functools) if not n.startswith("__")), _functools.__doc__)
