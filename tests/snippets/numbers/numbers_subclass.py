# Subclasses of int, float and complex: construction, operators, overridden dunders.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class I(int):
    def __repr__(self):
        return 'I(%d)' % self
class F(float):
    def __init__(self, x, tag=None):
        self.tag = tag
class G(float):
    pass
class C(complex):
    def __add__(self, other):
        return 'C.add'
class Str(int):
    def __str__(self):
        return 'str-of-int'
i, f, c = I(5), F(2.5, tag='t'), C(1, 2)
print(repr(i), str(i), i + 1, type(i + 1).__name__, type(i * i).__name__, -i, format(i, 'x'), f'{i}')
print(repr(f), f.tag, f + 1, type(f + 1).__name__, type(f.__round__(1)).__name__, round(f), f.hex())
print(c + 1, 1 + c, c - 1, type(c - 1).__name__, c.real, c.imag, repr(c), abs(c))
print(format(Str(5)), format(Str(5), 'd'), f'{Str(5)}', str(Str(5)), repr(Str(5)))
attempt(lambda: G(1.5, tag=1))
attempt(lambda: F(1.5, tag=1).tag)
attempt(lambda: I('12', base=8))
attempt(lambda: I(x=3))
attempt(lambda: C(real=1, imag=2))
print(isinstance(i, int), isinstance(f, float), issubclass(I, int), I.__mro__[1].__name__)
print(I(7) == 7, hash(I(7)) == hash(7), F(0.5) == 0.5, {I(1): 'a'}[1], sorted([F(2.0), I(1), 1.5]))
print(int.__new__(I, 9), float.__new__(G, '1e3'), complex.__new__(C, '1+1j'), type(int.__new__(I)).__name__)
attempt(lambda: int.__new__(float, 1))
attempt(lambda: float.__new__(int, 1))
attempt(lambda: int.__new__(I, 'x'))
class Idx:
    def __index__(self):
        return 3
class Fl:
    def __float__(self):
        return 1.25
class BadFl:
    def __float__(self):
        return 1
print(float(Idx()), float(Fl()), int(Idx()), complex(Fl()), [1, 2, 3, 4][Idx()], bin(Idx()))
attempt(lambda: float(BadFl()))
attempt(lambda: int(Fl()))
attempt(lambda: round(Fl()))
attempt(lambda: hex(1.5))
attempt(lambda: (1.5).__trunc__(1))
