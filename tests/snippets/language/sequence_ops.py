"""Sequence operators on lists/tuples: concatenation, repetition, in-place ops, comparison, index/count."""
a, b = [1, 2], [3]
print(a + b, a * 2, 2 * a, a * 0, [[]] * 3, (1,) + (2,), (0,) * 3, a + [], [] * 5)
nested = [[0]] * 3
nested[0].append(1)
print(nested)
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * "2"
except TypeError as e:
    print(type(e).__name__, e)
l = [1]
l += (2, 3)
l += "ab"
l += range(2)
print(l)
print([1, 2, 3].index(2), (1, 2, 1).count(1), [1, 2] < [1, 2, 3], (1, 2) > (1, 1, 9), [1] == [1.0])
try:
    [1, 2].index(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1, 2).index(5)
except ValueError as e:
    print(type(e).__name__, e)
print(max([1, 2], [1, 3]), min((5,), (4, 9)), sorted([[2], [1, 5], [1]]))
t = (1, [2])
t[1].append(3)
print(t)
print(list(range(3)) * 2, tuple("ab") * 2, "-" * 10)
