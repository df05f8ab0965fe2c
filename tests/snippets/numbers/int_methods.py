# int methods and attributes.
for v in [0, 1, -1, 5, -5, 255, 2 ** 31, 2 ** 63 - 1, -(2 ** 63), 2 ** 64, -(2 ** 100) + 3, True]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real,
          v.imag, v.numerator, v.denominator, v.__trunc__(), v.__floor__(), v.__ceil__(),
          v.__round__(), v.__index__(), v.__getnewargs__(), abs(v), -v, ~v, +v, int(v))
for v in [0, 1, -1, 2 ** 30 - 1, 2 ** 30, 2 ** 60, -(2 ** 60), 2 ** 90, 10 ** 100, True, False]:
    print(v.__sizeof__(), end=' ')
print()
print(int.__doc__.splitlines()[0], int.bit_length.__text_signature__,
      int.to_bytes.__text_signature__, int.from_bytes.__text_signature__)
print(int.conjugate.__doc__, int.__trunc__.__doc__, int.__round__.__doc__.splitlines()[0])
print(sorted(n for n in dir(int) if not n.startswith('__')))
