# Exponent notation.
vals = [0.0, -0.0, 1.0, 0.5, 12345.678, -0.000123456, 1e100, 1e-100, 5e-324,
        1.7976931348623157e308, 9.9999, 9.99999999, float('inf'), float('nan')]
for v in vals:
    print(format(v, 'e'), format(v, '.0e'), format(v, '#.0e'), format(v, '.3e'),
          format(v, 'E'), format(v, '.12E'), format(v, '+e'))
for spec in ['15.3e', '<15.3e', '^15.3e', '015.3e', '=15.3e', ',.3e', '_.2e', '.20e']:
    print(spec, repr(format(-12345.678, spec)))
