# locals() and frame.f_locals of a function are one dict, brought up to date on
# each request and keeping keys that are not variables (CPython 3.11).
import sys
def f():
    a = 1
    l1 = locals()
    b = 2
    l2 = locals()
    print(l1 is l2, sorted(l2))
    fr = sys._getframe()
    fr.f_locals['extra'] = 5
    print(sorted(fr.f_locals), fr.f_locals is l2)
    del a
    print(sorted(locals()))
f()
