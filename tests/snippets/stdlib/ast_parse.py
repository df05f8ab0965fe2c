import ast
src = '''
import os, sys as s
from . import x
def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    """doc"""
    return a + b * -c
class C(B, metaclass=M):
    x: int = 5
    @dec
    async def g(self):
        async with a as b, c:
            await x
        async for i in y: pass
for i in range(10):
    if i % 2 == 0 and i or not i:
        continue
    else:
        break
while x: x += 1
try:
    pass
except (A, B) as e:
    raise X from e
else: pass
finally: del a[1:2, ::3], b.c
with open("f") as f: print(f"x={x!r:>{w}} y", 'é', b"by", 1.5, 2j, ...)
lambda x, *y, z=1: (x, y, z)
[x for x in y if x], {k: v for k, v in d.items()}, {a for a in b}, (g for g in h)
x = y = [1, 2, *z]
global q
assert x, "m"
d = {1: 2, **e}
a if b else c
(w := 5)
print(x < y <= z is not None in ())
match p:
    case [1, 2, *rest]: pass
    case {"k": v, **kw}: pass
    case Point(x=0, y=_) | None as q if q: pass
    case "s" | True: pass
s = 'ab' 'cd'
é = "ü" + x
def h(): yield 1; yield from z
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True, indent=1))
print(ast.dump(ast.parse("1 + 2", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
