"""Builtins honouring protocol methods: __index__, __round__, __divmod__/__rdivmod__, __pow__ with modulus, __complex__, __float__, __int__, __length_hint__, __eq__ in containers."""
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 7
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __pow__(self, e, m=None): return ("pow", e, m)
    def __rpow__(self, b, m=None): return ("rpow", b, m)
    def __abs__(self): return "abs"
    def __neg__(self): return "neg"
    def __invert__(self): return "inv"
    def __complex__(self): return 1j
    def __bool__(self): return False
i = I(3)
print(list(range(i)), range(10)[i], "abcdef"[i], "abcdef"[I(1):I(4)], [0] * I(2), hex(i), oct(i), bin(i))
print(round(i), round(i, 2), divmod(i, 5), divmod(5, i), pow(i, 2), pow(i, 2, 5), 2 ** i, abs(i), -i, ~i)
print(complex(i), bool(i), not i, int(I(9)), operator_index := i.__index__())
try: pow(2, i, 5)
except TypeError as e: print(e)
print(int.__index__(5), (5).__index__(), (True).__index__())
print(chr(I(65)), format(5, "b"))
print([1, 2, 3, 4][I(-1)], (1, 2)[I(0)], bytes([I(65)]), bytearray(I(3)))
class F:
    def __float__(self): return 2.5
print(float(F()), round(F().__float__()))
try: int(F())
except TypeError as e: print(e)
class N:
    def __int__(self): return 4
print(int(N()))
try: range(N())
except TypeError as e: print(e)
try: [1][N()]
except TypeError as e: print(e)
class BadIndex:
    def __index__(self): return 1.5
try: [1, 2][BadIndex()]
except TypeError as e: print(e)
class SubInt(int):
    pass
class RetSub:
    def __index__(self): return SubInt(1)
print([5, 6][RetSub()], operator_index)
class L:
    def __length_hint__(self): return 5
    def __iter__(self): return iter([1, 2])
print(list(L()))
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == getattr(o, "v", o)
    def __hash__(self): return hash(self.v)
    def __lt__(self, o): return self.v < o.v
print(Cmp(1) == 1, 1 == Cmp(1), Cmp(1) in [1], 1 in [Cmp(1)], {Cmp(1): "a"}[1] if False else "", [1, 2].index(Cmp(2)), [Cmp(1), Cmp(2)].count(1))
print(sorted([Cmp(3), Cmp(1)])[0].v, max(Cmp(1), Cmp(5)).v)
