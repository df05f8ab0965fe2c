"""Statement forms: loop else, try/finally returns, generator cleanup on break/del, chained and starred assignment, walrus, del, pass/ellipsis."""
# statements edge cases
x = 0
while x < 3: x += 1
else: print("done", x)
for i in range(3): pass
print(i)
try:
    pass
finally:
    print("f")
def f():
    try:
        return 1
    finally:
        print("fin")
print(f())
import sys
def g():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
for v in g():
    if v == 1: break
print("broke")
gen = g(); next(gen); del gen
print("deleted")
global_var = 1
def h():
    global global_var
    global_var += 1
    return global_var
print(h())
def outer():
    v = 1
    def a():
        nonlocal v
        v += 1
    def b():
        return v
    a(); a()
    return b()
print(outer())
lst = [1, 2, 3]
lst[1:2] = []
print(lst)
a = b = c = 5
a, b = b, a + b
print(a, b, c)
d = {}
d['x'] = d.get('x', 0) + 1
print(d)
(x, y), z = [1, 2], 3
print(x, y, z)
x = [1, 2, 3]
x[0], x[1] = x[1], x[0]
print(x)
i = 0
x = [10, 20, 30]
i, x[i] = 1, 99
print(i, x)
s = "abc"
print(*s, sep=",")
print(*[1], *(2,), *{3: 4})
t = *range(3), 4
print(t)
def kw(**k): return k
print(kw(**{'a': 1}, b=2))
print([*"ab", *range(2)])
print({**{'a': 1}, **{'a': 2, 'b': 3}})
if (n := 10) > 5: print(n)
print([y := 5, y ** 2])
print(0 or None, [] or {}, 1 and "x")
print(not not 5, (not 1) is False)
assert isinstance(__builtins__, type(sys))
print(__name__, type(__file__).__name__)
del x
try: x
except NameError as e: print(e)
pass
...
class Empty: ...
print(Empty)
lambda: (yield)
print(type(lambda: (yield)).__name__)
