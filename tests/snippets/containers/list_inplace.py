# +=, *=, extend with self, assignment to slices with self.
a = [1, 2]
b = a
a += [3]
a += (4,)
a += 'xy'
a += range(2)
print(a, a is b)
try:
    a += 5
except TypeError as e:
    print('TypeError', e)
a *= 2
print(a, a is b)
a *= 0
print(a, a is b)
a = [1, 2]
a *= -1
print(a)
a = [1, 2]
a.extend(a)
print(a)
a += a
print(a)
a[1:3] = a
print(a)
print([1] + [2], [1, 2] * 3, [[]] * 3)
x = [[]] * 3
x[0].append(1)
print(x)
try:
    a *= 'a'
except TypeError as e:
    print('TypeError', e)
try:
    a *= 2 ** 70
except OverflowError as e:
    print('OverflowError', e)
try:
    a *= 2 ** 62
except MemoryError as e:
    print('MemoryError', e)
print(len(a))
class Idx:
    def __index__(self):
        return 2
print([7] * Idx(), Idx() * [8])
