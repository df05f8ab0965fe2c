"""Assignment expressions (:=): in conditions, comprehensions (binding to enclosing scope), while loops."""
data = [1, 5, 12, 7]
if (n := len(data)) > 3:
    print("len", n)
it = iter(range(5))
while (v := next(it, None)) is not None:
    print("v", v, end=" ")
print()
print([y for x in data if (y := x * 2) > 5], y)
def f():
    [last := i for i in range(4)]
    return last
print(f())
print((a := 10) + a, a)
total = 0
print([total := total + x for x in [1, 2, 3]], total)
def g():
    if any((hit := x) > 10 for x in [3, 11, 20]):
        return hit
print(g())
print(f"{(z := 7)} {z}")
