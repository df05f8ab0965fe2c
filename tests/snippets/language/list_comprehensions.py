"""List comprehensions: conditions, nesting, multiple for clauses, walrus, scoping."""
print([x * x for x in range(10)])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in range(x)])
print([[c for c in row] for row in ["ab", "cd"]])
print([y for x in [[1, 2], [3]] for y in x])
print([x if x % 2 else -x for x in range(6)])
x = "outer"
print([x for x in "abc"], x)
print([i for i in range(3)], "i" in dir())
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([total := total + v for v in range(5)] if (total := 0) == 0 else None, total)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * len(vals) for v in range(2)]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
print([f() for f in [lambda i=i: i for i in range(3)]])
print([(a, b) for a, b in zip("xy", (1, 2))], [a for a, *_ in [(1, 2, 3), (4,)]])
print([n for n in range(50) if all(n % d for d in range(2, n)) and n > 1])
try:
    [1 / z for z in (1, 0)]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
