a, *b = *c, d
for x, *y in z:
    pass
for (a, b), c in pairs:
    pass
[x, [y, *z]] = v
a.b, c[0], *d = e
first, *_, last = seq
(a, b) = c = d
