# list.sort / sorted: stability, key, reverse, errors.
data = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b'), (2, 'c'), (1, 'c')]
s = data[:]
s.sort(key=lambda p: p[0])
print(s)
s = data[:]
s.sort(key=lambda p: p[0], reverse=True)
print(s)
print(sorted(data), sorted(data, reverse=True))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
nums = [5, -3, 2.5, 0, -1.5, 10 ** 20, -(10 ** 20), True]
print(sorted(nums), sorted(nums, key=abs))
l = [3, 1, 2]
print(l.sort(), l)
l.sort(reverse=1)
print(l)
l.sort(key=None, reverse=False)
print(l)
big = [(i * 7919) % 1009 for i in range(1000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted(range(100, 0, -1))[:5], sorted([1] * 5 + [0] * 5))
for bad in [[3, 'a'], [1, None], [[1], (1,)], [{1}, {2}, {1, 2}, {0}], [1j, 2j]]:
    try:
        print(sorted(bad))
    except TypeError as e:
        print('TypeError', e)
for args in [dict(reverse='x'), dict(reverse=2 ** 40), dict(key=1), dict(cmp=1)]:
    try:
        [1, 2].sort(**args)
        print('ok', args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    [1].sort(None)
except TypeError as e:
    print('TypeError', e)
# tuples of mixed first-element types, and tuples of tuples
print(sorted([(2, 'a'), (1, 'b'), (1, 'a')]), sorted([((1, 2), 3), ((1, 1), 4)]))
print(sorted([(1,), ()]), sorted([[], [1], [0, 1]]))
