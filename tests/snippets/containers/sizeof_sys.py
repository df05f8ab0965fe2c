# sys.getsizeof of the containers matches CPython (GC header included).
import sys
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(()), sys.getsizeof((1, 2)))
print(sys.getsizeof({}), sys.getsizeof({1: 2}), sys.getsizeof({'a': 1}), sys.getsizeof(set()), sys.getsizeof(frozenset(range(10))))
print(sys.getsizeof(range(5)), sys.getsizeof(slice(1)), sys.getsizeof(...))
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter(range(3))), sys.getsizeof(iter(range(2 ** 64))))
print(sys.getsizeof(reversed([])), sys.getsizeof(enumerate([])), sys.getsizeof(iter({})), sys.getsizeof({}.keys()), sys.getsizeof(iter(set())))
l = []
for i in range(10):
    l.append(i)
print(sys.getsizeof(l))
