# Infinities, NaNs and signed zeros in arithmetic.
inf, nan = float('inf'), float('nan')
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / 10 ** 300, 1 / inf, -1 / inf, nan + 1, nan * 0)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, abs(-0.0), -(0.0), 0.0 / -5)
print(inf == inf, nan == nan, nan is nan, inf > 10 ** 1000, -inf < -(10 ** 1000), min(inf, 1e308))
print(repr(-nan), repr(abs(-inf)), str(inf), float('-0'), float('-0.0'), -0.0 == 0.0)
print(inf % 2.0 if False else 'skip', 5.0 % inf, -5.0 % inf, 5.0 // inf, -5.0 // inf)
attempt(lambda: inf % 2.0)
attempt(lambda: divmod(inf, 2.0))
attempt(lambda: inf // 1)
attempt(lambda: nan // 1)
attempt(lambda: 1e308 * 10)
attempt(lambda: 1e308 + 1e308)
attempt(lambda: int(inf))
attempt(lambda: round(nan))
attempt(lambda: [x for x in (inf, -inf, nan)])
