a = [x for x in range(10)]
b = {x: x * 2 for x in range(3) if x}
c = {x for x in y}
d = (x for x in y)
e = [x + y for x in a for y in b if x if y]
f = [y for x in data for y in [x * 2]]


def g(n):
    return [i * n for i in range(n)]
