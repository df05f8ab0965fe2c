"""Iteration builtins: range, enumerate, zip, map, filter, iter/next (default, sentinel), reversed, sorted."""
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)), range(1, 5)[::-1], len(range(0, 10, 3)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
print(list(zip("abc", [1, 2])), list(zip()), list(zip("a")), list(zip(*[(1, 2), (3, 4)])))
try:
    list(zip("ab", "c", strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, [0, 1, 2, 3])))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
vals = [3, 2, 1, 0, 5]
src = iter(vals)
print(list(iter(lambda: next(src), 0)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
data = ["banana", "Apple", "cherry", "apple"]
print(sorted(data), sorted(data, key=str.lower), sorted(data, key=len, reverse=True), sorted("hello"))
print(sorted([3, 1, 2], reverse=True), sorted({3: 1, 1: 2}), sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], key=1)
except TypeError as e:
    print(type(e).__name__, e)
print(any([0, "", None]), any(x for x in [0, 2]), all([1, "a"]), all([1, 0]), any([]), all([]))
print(len("abc"), len([1]), len({}), len(range(100)), len(b"xy"), len({1, 2}))
for bad in (5, None, iter([])):
    try:
        len(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return "x"
try:
    len(BadLen())
except TypeError as e:
    print(type(e).__name__, e)
m = map(int, ["1", "x"])
print(next(m))
try:
    next(m)
except ValueError as e:
    print(type(e).__name__, e)
