# str/repr of ints around the machine-word boundaries, and int() round trips.
vals = [0, -0, 1, -1, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 2 ** 63 - 1, 2 ** 63, -(2 ** 63),
        -(2 ** 63) - 1, 2 ** 64, 10 ** 18, 10 ** 19, 10 ** 40 + 1, -(10 ** 40) - 1]
for v in vals:
    s = str(v)
    print(s, repr(v), int(s) == v, hex(v), oct(v), bin(v)[:20], len(s))
print(-5 // 1, 256 is 256 if False else 'skip', int('256') == 256)
x = 7
for i in range(40):
    x = x * 13 + i
print(x, -x, x % 1000003, x.bit_length())
