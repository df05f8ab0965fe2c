# bool is an int subclass: arithmetic gives ints, & | ^ of two bools give bools.
vals = [True, False]
for a in vals:
    for b in vals:
        print(a, b, a & b, a | b, a ^ b, a + b, a - b, a * b, a == b, a < b,
              type(a & b).__name__, type(a + b).__name__)
print(True & 3, 3 & True, True | 2, True ^ 1, type(True & 3).__name__, ~True, -True, +True)
print(True / 2, True // 2, True % 2, True ** 10, divmod(True, 2), abs(False), True << 3)
print(repr(True), str(False), hash(True), hash(False), int(True), float(True), complex(True))
print(True == 1, False == 0, True == 1.0, True is True, isinstance(True, int), issubclass(bool, int))
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]))
print(True.real, True.imag, True.numerator, True.denominator, True.conjugate(),
      type(True.real).__name__, True.bit_length(), True.as_integer_ratio())
print(format(True), format(True, 'd'), format(True, '^10'), format(False, '05'), f'{True!r:>6}')
print(True.__sizeof__(), False.__sizeof__(), True.__index__(), True.__getnewargs__())
