# Short decimal values survive repr unchanged; arithmetic results show their error.
for k in range(1, 8):
    print([i / 10 ** k for i in range(1, 12, 3)])
print([x * 0.1 for x in range(10)])
print(sum([0.1] * 10), 0.1 * 3, 1.1 * 1.1, 1 - 0.9)
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
for e in range(-8, 25, 3):
    print(e, 10.0 ** e, 1.5 * 10.0 ** e, -7.25 * 10.0 ** e)
