"""Slot values are released when an instance dies, in CPython order, even after a slot descriptor is deleted from its class."""
class A:
    __slots__ = ('x', 'y')
class B(A):
    __slots__ = ('z',)
class C(B): pass
class Loud:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
b = B(); b.x = Loud(1); b.z = Loud(2); b.y = Loud(3)
del B.z
del b
print('--')
c = C(); c.x = Loud(4); c.w = Loud(5); c.z = Loud(6)
del c
print('end')
