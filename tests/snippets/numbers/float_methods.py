# float methods and attributes.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for v in [0.0, -0.0, 1.5, -2.5, 3.0, 1e300, 5e-324, 0.1, -7.999999999999999]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag,
          v.__trunc__(), v.__floor__(), v.__ceil__(), int(v), v.__getnewargs__(), abs(v), -v, +v)
for v in [float('inf'), float('-inf'), float('nan')]:
    print(v.is_integer(), v.conjugate(), v.real)
    attempt(lambda: v.as_integer_ratio())
    attempt(lambda: v.__trunc__())
    attempt(lambda: v.__floor__())
    attempt(lambda: v.__ceil__())
print(float.__getformat__('double'), float.__getformat__('float'))
attempt(lambda: float.__getformat__('int'))
attempt(lambda: float.__getformat__(1))
print((1.5).__sizeof__(), (2 ** 0.5).__float__(), bool(0.0), bool(-0.0), bool(1e-300))
class F(float):
    pass
f = F(2.5)
print(type(f).__name__, f, type(f + 1).__name__, type(-f).__name__, type(abs(f)).__name__,
      type(+f).__name__, type(f.real).__name__, type(f.conjugate()).__name__, type(float(f)).__name__)
print(type(F()).__name__, F(), F('1e3'), F(7), float.__new__(F, 3) == 3)
print(float.__doc__)
print(float.fromhex.__doc__.splitlines()[0], float.__round__.__text_signature__)
