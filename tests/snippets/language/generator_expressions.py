"""Generator expressions: laziness, single use, first iterable evaluated eagerly, in calls."""
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(list((a, b) for a in range(2) for b in "xy" if b != "x"))
def src():
    print("src evaluated")
    return range(3)
gen = (print("body", i) or i for i in src())
print("created")
print(list(gen))
try:
    (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
lazy = (1 // x for x in (1, 0))
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(next(lazy, "exhausted after error"))
print(", ".join(str(i) for i in range(4)), tuple(c.upper() for c in "ab"), sorted(-x for x in [3, 1, 2]))
nested = ((i, j) for i in range(3) for j in (k * 10 for k in range(i)))
print(list(nested))
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)))
g2 = (i for i in range(3))
print(iter(g2) is g2, g2.__name__, "genexpr" in g2.__qualname__)
