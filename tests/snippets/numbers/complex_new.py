# complex(): numbers, strings (with the old forms), two complex arguments, errors.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for s in ['1+2j', ' ( 1+2j ) ', '1-2J', 'j', '-j', '+j', '3+j', '3-j', '1e5J', '1.5', '-1.5e-3',
          'nanj', '-nanj', 'inf+infj', '1-nanj', 'infinity', '(1)', '1_000+2_0j', '\u0663j',
          '\u2003 3+1j \u2003', '1+', '+', '', ' ', '1 + 2j', '(1+2j', '1+2j)', '1ej', '1e+j',
          '1__0', '1_j', 'j1', '1+2jj', '0x1j', '1..2', '.5j', '5.j', '1e500j', '-1e500+1e-500j']:
    attempt(lambda: complex(s))
attempt(lambda: complex())
attempt(lambda: complex(1))
attempt(lambda: complex(1, 2))
attempt(lambda: complex(1.5, -2.5))
attempt(lambda: complex(1 + 2j, 3 + 4j))
attempt(lambda: complex(1j, 1j))
attempt(lambda: complex(real=1, imag=2))
attempt(lambda: complex(imag=2))
attempt(lambda: complex(real='1j'))
attempt(lambda: complex('1', 2))
attempt(lambda: complex(1, '2'))
attempt(lambda: complex([]))
attempt(lambda: complex(1, []))
attempt(lambda: complex(b'1'))
attempt(lambda: complex(1, 2, 3))
attempt(lambda: complex(x=1))
attempt(lambda: complex(10 ** 400))
attempt(lambda: complex(True, False))
class C:
    def __complex__(self):
        return 5 + 6j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class Bad:
    def __complex__(self):
        return 1
attempt(lambda: complex(C()))
attempt(lambda: complex(F(), F()))
attempt(lambda: complex(I(), I()))
attempt(lambda: complex(Bad()))
attempt(lambda: complex(C(), 1))
class MyComplex(complex):
    pass
m = MyComplex(1, 2)
print(type(m).__name__, m, type(m + 1).__name__, type(complex(m)).__name__, m.conjugate())
print(type(MyComplex('3+4j')).__name__, MyComplex('3+4j'))
print(complex(m) is m, (1 + 2j).__complex__(), type(m.__complex__()).__name__)
print((1 + 2j).__getnewargs__(), hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5))
