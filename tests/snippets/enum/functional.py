# The functional API: Enum('Name', names, module=, qualname=, type=, start=, boundary=).
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum


A = Enum('A', 'x y z')
print(repr(A), list(A), A.__module__, A.__qualname__)
B = Enum('B', 'x,y, z', start=10)
print(list(B))
C = Enum('C', ['p', 'q'])
print(list(C))
D = Enum('D', [('p', 'pee'), ('q', 'queue')])
print(list(D))
E = Enum('E', {'one': 1, 'two': 2}, module='mymod', qualname='Outer.E')
print(repr(E), list(E), E.__module__, E.__qualname__)
F = Enum('F', 'a b', type=int)
print(list(F), F.a + 1, F.__mro__)
G = IntEnum('G', 'a b c')
print(list(G), G.c == 3)
H = Flag('H', 'r w x')
print(list(H), repr(H.r | H.x))
I = IntFlag('I', 'r w x', boundary=enum.STRICT)
print(list(I), I._boundary_)
J = StrEnum('J', 'Alpha Beta')
print(list(J), [m.value for m in J])
K = Enum('K', ())
print(list(K), len(K))
L = Enum('L', 'a b')
print(L.a.__reduce_ex__(2) == (L, (1,)))


class Outer:
    Inner = Enum('Inner', 'one two', qualname='Outer.Inner')


print(Outer.Inner.__qualname__, list(Outer.Inner))
print(Enum.__call__.__doc__.splitlines()[1].strip())
