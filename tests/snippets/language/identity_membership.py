"""is / is not / in / not in across containers, strings and custom __contains__."""
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None, () is ())
print(1 in [1, 2], 3 not in [1, 2], "b" in "abc", "bc" in "abc", "" in "abc", "x" in "")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"}, 3 in {3, 4}, 1 in (1.0,), 5 in range(10), 10 in range(10))
print(3 in iter([1, 2, 3]), 0 in (x for x in range(3)))
class Box:
    def __contains__(self, item):
        print("contains", item)
        return item == 42
print(42 in Box(), 41 not in Box())
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(20 in Seq(), 25 in Seq())
class It:
    def __iter__(self):
        return iter("xyz")
print("y" in It(), "w" in It())
for container in (1, None):
    try:
        print(1 in container)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print([1] in {1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 in "abc")
except TypeError as e:
    print(type(e).__name__, e)
nan = float("nan")
print(nan in [nan], nan == nan)
