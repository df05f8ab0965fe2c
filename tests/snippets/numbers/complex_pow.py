# complex ** : small integral exponents by repeated multiplication, others by polar form.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for b in [1j, 1 + 1j, -2 + 0.5j, 2, 0.5]:
    for e in [0, 1, 2, 3, -1, -2, 10, 0.5, 1j, 2 + 1j, 101, -100]:
        attempt(lambda: b ** e)
attempt(lambda: 0j ** 0)
attempt(lambda: 0j ** 2)
attempt(lambda: 0j ** -1)
attempt(lambda: 0j ** 1j)
attempt(lambda: 0 ** (-1 + 0j))
attempt(lambda: (1e200 + 1e200j) ** 2)
attempt(lambda: (10 + 10j) ** 1000.5)
attempt(lambda: pow(1j, 2, 3))
attempt(lambda: (-8) ** (1 / 3))
attempt(lambda: (-8.0) ** 0.5)
attempt(lambda: (-1) ** 0.5)
