# int -> float conversion and int / int must round correctly (half to even) using
# every bit of the int, not just the top 64. A fixed LCG keeps it deterministic.
state = 31337
def rand(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 17) % n
out = []
for i in range(20000):
    k = rand(4)
    if k == 0:
        m = (1 << 53) + rand(1 << 10) - 512
        n = m << rand(970) | (rand(2) << rand(60))
    elif k == 1:
        n = ((1 << 54) + 1 + 2 * rand(1000)) << rand(900)
    elif k == 2:
        n = rand(1 << 62) * rand(1 << 62) * rand(1 << 62)
    else:
        n = (2 ** 1024 - 2 ** 970 - 1 + rand(3)) if rand(2) else -(2 ** 1024 - 2 ** 971 + rand(3) - 1)
    try:
        out.append(repr(float(n)))
    except OverflowError as e:
        out.append('OverflowError ' + str(e))
    d = rand(1 << 40) + 1
    try:
        out.append(repr(n / d) + ' ' + repr(d / (n or 1)))
    except OverflowError as e:
        out.append('OverflowError ' + str(e))
print('\n'.join(out))
