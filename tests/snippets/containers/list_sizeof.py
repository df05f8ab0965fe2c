# list over-allocation follows CPython's list_resize, visible through sys.getsizeof.
import sys
l = []
sizes = []
for i in range(80):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print(sizes)
while l:
    l.pop()
    if len(l) % 7 == 0:
        print(len(l), l.__sizeof__())
print([].__sizeof__(), [1].__sizeof__(), [1, 2, 3].__sizeof__(), list(range(10)).__sizeof__())
print(([0] * 10).__sizeof__(), [1, 2][:].__sizeof__(), ([1] + [2, 3]).__sizeof__())
print([x for x in range(5)].__sizeof__(), [*range(7)].__sizeof__(), list(x for x in range(9)).__sizeof__())
a = []
a.extend(range(5))
print(a.__sizeof__())
a.extend(range(100))
print(a.__sizeof__())
a[10:] = []
print(a.__sizeof__())
a *= 3
print(a.__sizeof__())
del a[::2]
print(a.__sizeof__())
a.clear()
print(a.__sizeof__())
a.extend(x for x in range(3))
print(a.__sizeof__())
b = [1]
b.pop()
b.extend(x for x in range(5))
print(b.__sizeof__())
class G:
    def __iter__(self):
        return iter([1, 2, 3])
    def __length_hint__(self):
        return 9
c = []
c.extend(G())
print(c, c.__sizeof__())
class L(list):
    pass
print(L().__sizeof__() - [].__sizeof__(), L([1, 2]).__sizeof__() - [1, 2].__sizeof__())
