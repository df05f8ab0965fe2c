# int(x) for numbers and objects with __int__, __index__, __trunc__.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for v in [0.0, -0.0, 2.9, -2.9, 1e20, -1e20, 1.7976931348623157e308, 5e-324, 2.0 ** 63,
          -(2.0 ** 63), 2.0 ** 64 - 2048, True, False, 12345678901234567890]:
    attempt(lambda: int(v))
attempt(lambda: int(float('inf')))
attempt(lambda: int(float('-inf')))
attempt(lambda: int(float('nan')))
attempt(lambda: int())
attempt(lambda: int(None))
attempt(lambda: int([]))
attempt(lambda: int(1j))
class A:
    def __int__(self):
        return 42
class B:
    def __index__(self):
        return 7
class C:
    def __trunc__(self):
        return 9
class D:
    def __int__(self):
        return 'x'
class E:
    def __trunc__(self):
        return 'y'
class F:
    def __int__(self):
        return True
attempt(lambda: int(A()))
attempt(lambda: int(B()))
attempt(lambda: int(C()))
attempt(lambda: int(D()))
attempt(lambda: int(E()))
attempt(lambda: type(int(F())).__name__)
class MyInt(int):
    pass
m = MyInt(5)
print(type(m).__name__, m, type(int(m)).__name__, type(+m).__name__, type(m + 1).__name__,
      type(-m).__name__, type(abs(m)).__name__, type(m.real).__name__, repr(MyInt('0x10', 0)))
print(int(3.7), int(-3.7), int('  -0  '), int(MyInt(2 ** 80)), int.__trunc__(5), (5).__floor__(), (5).__ceil__())
