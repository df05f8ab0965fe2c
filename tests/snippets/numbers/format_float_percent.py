# The '%' type multiplies by 100 and uses 'f'.
for v in [0.0, 1.0, 0.5, 0.12345, -0.0001, 1 / 3, 2.5, 0.125, 12.0, float('inf'), float('nan')]:
    print(format(v, '%'), format(v, '.0%'), format(v, '.2%'), format(v, '#.0%'),
          format(v, '10.1%'), format(v, '+.1%'), format(v, ',.1%'))
print(format(1234.5, ',.3%'), format(5, '%'), format(5, '.1%'), format(True, '%'))
