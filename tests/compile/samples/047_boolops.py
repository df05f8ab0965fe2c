a = x and y
b = x or y
c = x and y or z
d = (x or y) and z
e = not (x and y)
f = x and y and z and w
if a and b or c:
    pass
if (a or b) and (c or d):
    pass
while a or b:
    pass
g = a if b and c else d
