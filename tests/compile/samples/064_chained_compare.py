a = 1 < x < 10
b = x == y == z
c = a < b <= c < d
if 0 <= i < n:
    pass
while lo < mid < hi:
    lo += 1
r = [v for v in vs if 0 < v < 10]
assert 0 < x < 1
z = not (a < b < c)
