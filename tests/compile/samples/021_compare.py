a = x < y
b = x < y < z
c = x == y != z
d = x is None
e = x is not None
f = x in y
g = x not in [1, 2, 3]
h = x in {1, 2, 3}
if a < b < c:
    pass
if x is None:
    pass
if x is not None:
    pass
if not x in y:
    pass
