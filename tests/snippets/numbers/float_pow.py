# float ** and its special cases.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
inf, nan = float('inf'), float('nan')
bases = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, inf, -inf, nan, 10.0]
exps = [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 0.5, -0.5, inf, -inf, nan, 1e300]
for b in bases:
    for e in exps:
        attempt(lambda: b ** e)
attempt(lambda: 1e200 ** 2)
attempt(lambda: (-1e200) ** 3)
attempt(lambda: 10.0 ** 400)
attempt(lambda: 10.0 ** -400)
attempt(lambda: 1e-160 ** 2)
attempt(lambda: 2.0 ** -1074)
attempt(lambda: (-1.0) ** (2 ** 100 + 1))
attempt(lambda: (-8.0) ** (1 / 3))
attempt(lambda: pow(2.0, 3, 5))
attempt(lambda: pow(2, 3.0, 5))
attempt(lambda: 2 ** 0.5)
attempt(lambda: 2 ** -1)
attempt(lambda: 0 ** -1)
attempt(lambda: (10 ** 400) ** 0.5)
attempt(lambda: 2.0 ** (10 ** 400))
attempt(lambda: 0.5 ** (10 ** 400))
