"""Exceptions nobody can catch ("Exception ignored in"): generator finally, __del__, ignored GeneratorExit, failing __str__."""
def gen():
    try:
        yield 1
    finally:
        raise ValueError("in gen finally")
g = gen()
next(g)
del g
print("after gen")
class D:
    def __del__(self):
        raise KeyError("del key")
d = D()
d = None
print("after del")
def gen2():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g2 = gen2()
next(g2)
del g2
print("end")
class D2:
    def __del__(self): raise ValueError()
d = D2(); del d
class E(Exception):
    def __str__(self): raise TypeError
class F:
    def __del__(self): raise E()
f = F(); del f
raise RuntimeError("finally uncaught")
