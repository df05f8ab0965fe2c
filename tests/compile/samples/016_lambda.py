f = lambda: 0
g = lambda x, y=2, *a, z=3, **k: x + y + z
h = lambda x: (lambda y: x + y)
items.sort(key=lambda t: t[1])
