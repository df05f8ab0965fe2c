# repr() of many pseudo-random doubles (all exponents), built exactly from ints.
state = 20240601
def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state
count = 0
for i in range(3000):
    r = rand()
    mant = (r >> 11) | (1 << 52)
    exp = (rand() % 2046) - 1022 - 52
    sign = -1 if r & 1 else 1
    # mant * 2**exp, computed exactly via fromhex (hex digits are exact).
    x = float.fromhex('%s0x%xp%d' % ('-' if sign < 0 else '', mant, exp))
    s = repr(x)
    if float(s) != x:
        print('round trip failed', s)
    print(s)
    count += 1
for i in range(2000):
    r = rand()
    x = (r % 10 ** 9) / 10 ** (r % 13)
    print(repr(x), repr(-x * 1e-300), repr(x * 1e290))
print(count)
