# 'g' switches to exponent form by CPython's rule and drops trailing zeros.
vals = [0.0, -0.0, 1.0, 10.0, 100000.0, 1000000.0, 1234567.0, 0.0001, 0.00001,
        0.000123456, 123.456, 1.5, 2.5e-5, 1e16, 1e-16, 123456789.0, 0.1, 1 / 3,
        float('inf'), float('-inf'), float('nan')]
for v in vals:
    print(format(v, 'g'), format(v, '.0g'), format(v, '.1g'), format(v, '.3g'),
          format(v, '#g'), format(v, '#.3g'), format(v, 'G'), format(v, '.10g'),
          format(v, '.17g'))
for spec in ['12g', '012g', '+g', ' g', ',g', '_g', '^12.3g', '=12.3G']:
    print(spec, repr(format(1234567.891, spec)), repr(format(-0.00001234, spec)))
