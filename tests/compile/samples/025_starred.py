a, *b = c
*a, b = c
a, *b, c = d
[a, b] = c
(a, b), c = d
x = [*a, *b]
y = (*a, 1)
z = {*a, 2}
w = {**a, "k": 1, **b}
print(*args)
