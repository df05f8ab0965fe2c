# 'z' (3.11) turns a negative zero (after rounding) into a positive one.
for v in [-0.0, 0.0, -0.0001, -0.4, -0.5, -1.5, -1e-300, 1e-300, float('-inf'), float('nan')]:
    print(repr(v), format(v, 'z.1f'), format(v, '.1f'), format(v, 'z.0f'), format(v, 'z'),
          format(v, 'z.2e'), format(v, 'z.3g'), format(v, '+z.1f'), format(v, 'z.1%'))
print(format(complex(-0.0, -0.0001), 'z.2f'), format(complex(-0.0, -0.0001), '.2f'))
try:
    format(1, 'z')
except ValueError as e:
    print('ValueError', e)
try:
    format('s', 'z')
except ValueError as e:
    print('ValueError', e)
