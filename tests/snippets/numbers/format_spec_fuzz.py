# Many generated format specs applied to ints, floats, complex numbers and strings;
# errors are printed too. A fixed LCG makes the run deterministic.
state = 7
def rand(n):
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return (state >> 8) % n
fills = ['', '', '*', '0', ' ', '\u00e9']
aligns = ['', '', '<', '>', '^', '=']
signs = ['', '', '+', '-', ' ']
types = ['', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's', 'q']
values = [0, 1, -1, 7, -42, 255, 65536, -(2 ** 40), 10 ** 20, True,
          0.0, -0.0, 0.5, 1.5, -2.5, 3.14159, 1e-7, 1e16, -1234.5678, 1e300,
          float('inf'), float('-inf'), float('nan'),
          1 + 2j, -0.5j, complex(1e10, -1e-10), 'abc', '']
for i in range(1500):
    align = aligns[rand(len(aligns))]
    fill = fills[rand(len(fills))] if align else ''
    spec = fill + align + signs[rand(len(signs))]
    if rand(4) == 0:
        spec += 'z'
    if rand(4) == 0:
        spec += '#'
    if rand(4) == 0:
        spec += '0'
    if rand(2) == 0:
        spec += str(rand(25))
    r = rand(6)
    if r == 0:
        spec += ','
    elif r == 1:
        spec += '_'
    if rand(3) == 0:
        spec += '.' + str(rand(12))
    spec += types[rand(len(types))]
    v = values[rand(len(values))]
    try:
        out = repr(format(v, spec))
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    print(repr(v), repr(spec), out)
