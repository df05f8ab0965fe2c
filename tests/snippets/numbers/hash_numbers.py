# Hashes: equal numbers hash equal across int, float, complex and bool.
vals = [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 64, 10 ** 30, -(10 ** 30), 0.5,
        -0.5, 1.5, 1e300, -1e300, 5e-324, float('inf'), float('-inf'), 2.0 ** 80, 1j, 1 + 1j,
        -2.5 - 3.25j, complex(0, float('inf')), True, False]
for v in vals:
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(1 + 0j) == hash(True))
print(hash(2 ** 100) == hash(float(2 ** 100)), hash(0.1) == hash(0.1), hash(-1) == hash(-1.0))
d = {1: 'int', 1.0: 'float', True: 'bool', 1 + 0j: 'complex'}
print(d, len({0, 0.0, -0.0, 0j, False}))
n = float('nan')
print(hash(n) == hash(n), {n: 1}[n], len({float('nan'), float('nan')}))
