"""for loops over various iterables with else, break, continue, nested, and loop variable leakage."""
for i in range(3):
    print(i)
else:
    print("for else")
for c in "abc":
    if c == "b":
        continue
    print(c)
for i in range(10):
    if i == 4:
        break
else:
    print("not printed")
print("leaked", i)
for k in {"x": 1, "y": 2}:
    print(k)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for i in []:
    print("never")
else:
    print("empty else")
for x in range(2):
    for y in range(3):
        if y == 2:
            break
        print(x, y)
    else:
        print("inner else")
result = []
for i in range(3):
    for j in range(3):
        if j > i:
            continue
        result.append((i, j))
print(result)
for i, (a, b) in enumerate(zip("xyz", range(3))):
    print(i, a, b)
lst = [1, 2, 3]
for x in lst:
    pass
print(x)
for d["key"] in range(2) if (d := {}) is not None else ():
    pass
print(d)
class Obj: pass
o = Obj()
for o.attr in "pq":
    print(o.attr)
for lst[0] in (7, 8):
    pass
print(lst)
for i in range(5, 0, -2):
    print(i, end=",")
print()
try:
    for z in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
