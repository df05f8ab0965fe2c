# complex arithmetic, including Smith's division and mixed int/float operands.
vals = [1 + 2j, -3 + 0.5j, 2j, 1.5, 3, complex(0, -0.0), 1e300 + 1e300j, 1e-300 - 1e-300j]
for a in vals:
    for b in vals:
        print(a + b, a - b, a * b, a / b if b != 0 else 'div0', end=' | ')
    print()
print((1 + 2j) / (3 + 4j), 1 / (1 + 1j), (1e308 + 1e308j) / (1e308 + 1e308j), 1j * 1j)
print(-(1 + 2j), +(1 + 2j), abs(3 + 4j), abs(-5j), abs(complex(float('inf'), float('nan'))))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), (1 + 2j).conjugate(), (1 + 2j).real, (1 + 2j).imag)
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: (1 + 1j) / 0)
attempt(lambda: (1 + 1j) / 0j)
attempt(lambda: 1 / 0j)
attempt(lambda: abs(complex(1e308, 1e308)))
attempt(lambda: (1 + 1j) // 2)
attempt(lambda: (1 + 1j) % 2)
attempt(lambda: (1 + 1j) < (2 + 2j))
attempt(lambda: 1j > 0)
attempt(lambda: (1 + 1j) + (10 ** 400))
attempt(lambda: divmod(1j, 1))
attempt(lambda: int(1j))
attempt(lambda: float(1j))
