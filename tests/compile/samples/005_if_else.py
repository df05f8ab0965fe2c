x = 3
if x > 2:
    print("big")
elif x == 2:
    print("two")
else:
    print("small")
if not x:
    pass
if x and (x or y) and not z:
    x = 1
y = 1 if x else 2
