"""With a raised recursion limit, pure-Python recursion 200000 deep works (frames are not on the native stack), including a traceback that deep."""
import sys
sys.setrecursionlimit(300000)
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
print(f(200000))
def g(n):
    if n == 0:
        raise ValueError("bottom")
    return g(n - 1)
try:
    g(200000)
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames in traceback", n)
class A:
    def m(self, n):
        return n if n == 0 else self.m(n - 1)
print(A().m(100000))
sys.setrecursionlimit(1000)
