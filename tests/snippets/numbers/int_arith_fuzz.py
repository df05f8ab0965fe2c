# Generated int and float operands through every arithmetic operator, checking
# results and error messages. A fixed LCG makes the run deterministic.
state = 12345
def rand(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 17) % n
def rint():
    k = rand(6)
    if k == 0:
        return rand(5) - 2
    if k == 1:
        return rand(1000) - 500
    if k == 2:
        return (rand(1 << 40) - (1 << 39)) * (rand(1 << 30) + 1)
    bits = rand(200) + 1
    v = 0
    for _ in range(bits // 30 + 1):
        v = (v << 30) | rand(1 << 30)
    v >>= (30 * (bits // 30 + 1) - bits)
    return -v if rand(2) else v
def rfloat():
    k = rand(4)
    if k == 0:
        return float(rint())
    if k == 1:
        return (rand(2000) - 1000) / 8
    return (rand(1 << 53) - (1 << 52)) * 2.0 ** (rand(200) - 100)
ops = ['+', '-', '*', '//', '%', '/', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=']
for i in range(2500):
    a = rint() if rand(3) else rfloat()
    b = rint() if rand(3) else rfloat()
    op = ops[rand(len(ops))]
    if op == '**':
        if isinstance(b, int) or rand(2):
            b = rand(40) - 8
        if isinstance(a, int) and abs(a) > 2 ** 64 and b > 8:
            b = 3
    if op in ('<<',):
        b = rand(200) - 5
    try:
        r = eval('a %s b' % op)
        out = repr(r)
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    print(repr(a), op, repr(b), '->', out)
for i in range(300):
    a, b, m = rint(), rint(), rint()
    try:
        out = repr(pow(a, b, m))
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    print('pow', a, b, m, out)
    try:
        out = repr(divmod(a, b))
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    print('divmod', out, hash(a), hash(float(a)) if abs(a) < 2 ** 1000 else 0, round(a, -rand(30)))
