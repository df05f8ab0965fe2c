a = not x is None
b = not x is not None
c = not x in y
d = not x not in y
e = not x == y
if not a is b:
    pass
if not (a in b):
    pass
