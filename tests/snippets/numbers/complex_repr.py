# repr and str of complex numbers.
vals = [0j, -0j, 1j, -1j, 1 + 1j, complex(-0.0, 0.0), complex(-0.0, -0.0), complex(0.0, -0.0),
        complex(1e16, 1e-5), complex(1.5, -2.25), complex(float('inf'), float('-inf')),
        complex(float('nan'), float('nan')), complex(float('nan'), -1), complex(1, float('inf')),
        complex(123456789.0, 0.1), 3 + 0j, complex(2 ** 60, 2 ** -60)]
for v in vals:
    print(repr(v), str(v), v.real, v.imag)
print([1j, 2 + 3j], {1j: 2j})
