# Generated floats (specials included) and complex numbers through arithmetic,
# comparisons, round(), divmod(), hash and repr. A fixed LCG keeps it deterministic.
state = 4242
def rand(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 17) % n
specials = [0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1.0, -1.0, 0.5, 2.0,
            5e-324, 1.7976931348623157e308, 1e-300, 1e300]
def rfloat():
    k = rand(4)
    if k == 0:
        return specials[rand(len(specials))]
    if k == 1:
        return (rand(20001) - 10000) / 64
    return (rand(1 << 53) - (1 << 52)) * 2.0 ** (rand(160) - 80)
def rnum():
    k = rand(5)
    if k == 0:
        return complex(rfloat(), rfloat())
    if k == 1:
        return rand(2001) - 1000
    return rfloat()
ops = ['+', '-', '*', '/', '//', '%', '**', '==', '<', '>=']
for i in range(3000):
    a, b = rnum(), rnum()
    op = ops[rand(len(ops))]
    try:
        out = repr(eval('a %s b' % op))
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    print(repr(a), op, repr(b), '->', out)
for i in range(1000):
    x = rfloat()
    outs = []
    for f in (lambda: round(x), lambda: round(x, rand(12) - 4), lambda: divmod(x, rfloat()),
              lambda: x.as_integer_ratio(), lambda: int(x), lambda: abs(complex(x, rfloat())),
              lambda: x.hex(), lambda: hash(x) if x == x else 'nan'):
        try:
            outs.append(repr(f()))
        except Exception as e:
            outs.append(type(e).__name__ + ': ' + str(e))
    print(repr(x), ' | '.join(outs))
