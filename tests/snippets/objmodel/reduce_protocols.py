"""object.__reduce__, __reduce_ex__ and __getstate__ for every protocol, and copyreg."""
class P:
    def __init__(self, x): self.x = x
p = P(3)
r = p.__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[1][1:], r[2], r[3:])
r = p.__reduce_ex__(0)
print(r[0].__name__, r[1][0].__name__, r[1][1], r[1][2], r[2])
print(p.__reduce__()[0].__name__)
class S:
    __slots__ = ('a', '__b')
    def __init__(self): self.a = 1; self._S__b = 2
s = S()
print(s.__getstate__(), s.__reduce_ex__(2)[2], S.__slotnames__)
try: s.__reduce_ex__(1)
except TypeError as e: print(e)
class L(list): pass
l = L([1,2]); l.y = 5
r = l.__reduce_ex__(2); print(r[0].__name__, r[1][0].__name__, r[2], list(r[3]), r[4])
class D(dict): pass
r = D(a=1).__reduce_ex__(4); print(r[2], list(r[4]))
class N(int):
    pass
print(N(5).__reduce_ex__(2)[1][1:], N(5).__reduce_ex__(1)[1][1:])
class K:
    def __getnewargs_ex__(self): return ((1,), {'k': 2})
print(K().__reduce_ex__(2)[0].__name__, K().__reduce_ex__(2)[1][1:])
class Bad:
    def __getnewargs__(self): return [1]
try: Bad().__reduce_ex__(2)
except TypeError as e: print(e)
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(2))
print(object().__reduce_ex__(2)[1], object().__getstate__())
try: object().__reduce_ex__(1.5)
except TypeError as e: print(e)
print(sorted(dir([]))[:30] == sorted(dir([]))[:30], '__reduce_ex__' in dir(1))
print((1).__reduce_ex__(2)[1], "abc".__reduce_ex__(2)[1])
import copyreg
print(copyreg.__all__, copyreg.__newobj__(P, 7).__class__.__name__)
