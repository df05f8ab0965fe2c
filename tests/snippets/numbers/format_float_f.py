# format(float, 'f') and friends: precision, rounding (half to even on exact ties), padding.
vals = [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1234.5678, -1234.5678,
        1e-7, 1e16, 1e22, 123456789.123456789, float('inf'), float('-inf'), float('nan')]
for v in vals:
    print(format(v, 'f'), format(v, '.0f'), format(v, '.1f'), format(v, '.2f'),
          format(v, '.10f'), format(v, 'F'), format(v, '#.0f'))
for spec in ['10.2f', '<10.2f', '^10.2f', '=+10.2f', '010.2f', '+.3f', ' .3f', '*>12.1f',
             '_^11.0f', ',.2f', '_.2f', '015,.3f', '-.1f', '.30f', '.50f']:
    print(spec, repr(format(1234.5678, spec)), repr(format(-0.000123, spec)))
print(format(1e300, '.2f')[:40], len(format(1e300, '.2f')))
print(format(0.1, '.60f'))
