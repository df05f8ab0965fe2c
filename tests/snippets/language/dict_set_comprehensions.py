"""Dict and set comprehensions: key collisions, conditions, nesting, unhashable errors."""
print({k: v for k, v in zip("abc", range(3))})
print({x % 3: x for x in range(10)})
print({x: [y for y in range(x)] for x in range(4) if x})
print(sorted({x % 4 for x in range(20)}), {c for c in "hello"} == set("helo"))
words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words}, sorted({len(w) for w in words}))
print({(i, j): i * j for i in range(2) for j in range(2)})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
try:
    {[x]: 1 for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[x] for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
order = []
def k(x):
    order.append(("k", x))
    return x
def v(x):
    order.append(("v", x))
    return x
{k(i): v(i) for i in range(2)}
print(order)
print(sorted({frozenset({1, 2}), frozenset({2, 1}), frozenset()}, key=len))
