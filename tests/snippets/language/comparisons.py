"""Comparisons: ordering of mixed numbers, sequences, chained comparisons and errors."""
print(1 < 2, 2 <= 2, 3 > 4, 1 == 1.0, 1 != 1.0, 2 >= 2.5)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0, 1 < 2 > 0 != 5)
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], "abc" < "abd", "Z" < "a", (1,) == (1.0,))
print([] == [], [] is [], () == (), [1, [2]] == [1, [2]], {1: 2} == {1: 2.0})
print(True == 1, False == 0, True is 1 == 1)
def noisy(x):
    print("eval", x)
    return x
print(noisy(1) < noisy(2) < noisy(0) < noisy(3))
print(noisy(5) < noisy(2) < noisy(9))
for a, b in [(1, "a"), ([1], (1,)), (None, 0), ({}, {})]:
    try:
        print(a < b)
    except TypeError as e:
        print(type(e).__name__, e)
print(None == None, None != 0, "a" == b"a", 1 == "1")
print(float("nan") < 1, float("nan") > 1, float("inf") > 10 ** 400, -float("inf") < -10 ** 400)
print(10 ** 20 == 1e20, 10 ** 20 + 1 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(sorted([3, 1.5, True, -2, 2 ** 70]))
x = 5
print(0 < x <= 5, 0 < x < 5, not 0 < x)
