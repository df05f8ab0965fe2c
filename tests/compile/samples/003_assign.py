x = 1
y = x + 2
z = y * x - 3 / 4
a = b = c = 5
x, y = y, x
a, b, c = c, b, a
del a
print(x, y)
