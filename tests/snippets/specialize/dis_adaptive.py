"""dis.dis(adaptive=True) after warm-up shows the specialised instructions as CPython
3.11 does (families whose choice pyrs makes the same way: int/float/str operators,
compare-and-jump, globals and builtins, subscripts, unpacking, calls of Python
functions, module attributes, methods of built-in types), and show_caches=True shows
the counters and masks."""
import dis
import sys

K = 3


def arith(a, b, x, y):
    s = a + b - a * b
    f = x * y + x - y
    t = "ab" + "cd"
    return s, f, t


def loops(n):
    total = 0
    i = 0
    while i < n:
        if i == 3:
            total += K
        total += len([i])
        i += 1
    return total


def subs(lst, tup, d):
    lst[0] = tup[1]
    d["k"] = lst[1]
    a, b = tup[:2]
    c, e, f = lst
    return d["k"] + a + b + c + e + f


def helper(a, b):
    return a - b


def calls(xs):
    out = []
    for x in xs:
        out.append(helper(x, 1))
    return sys.getrecursionlimit() > 0, out


def text(n):
    s = ""
    for i in range(n):
        s += "x"
    return s


for _ in range(200):
    arith(1, 2, 1.5, 2.5)
    loops(6)
    subs([1, 2, 3], (4, 5, 6), {})
    calls([1, 2])
    text(3)
for fn in (arith, loops, subs, calls, text):
    dis.dis(fn, adaptive=True)
dis.dis(arith, adaptive=True, show_caches=True)
dis.dis(loops, adaptive=True, show_caches=False)
print(arith(1, 2, 1.5, 2.5), loops(6), subs([1, 2, 3], (4, 5, 6), {}), calls([1, 2]), text(3))
