# complex.__format__.
vals = [1 + 2j, -1.5 - 0.25j, 2j, -2j, complex(0.0, -0.0), complex(-0.0, 0.0), 1e20 + 1e-20j,
        complex(float('inf'), float('nan')), 3 + 0j]
for v in vals:
    print(format(v, ''), format(v, '.2f'), format(v, 'e'), format(v, '.3g'), format(v, 'g'),
          format(v, '20'), format(v, '<20'), format(v, '^22.1f'), format(v, '+.1f'),
          format(v, ' .1f'), format(v, '#.0f'), format(v, '.3'), format(v, 'n'), format(v, ',.1f'))
print(f'{1+1j:*>12}', f'{-1-1j:10.1f}|', f'{1j:.0}', f'{(1.5+2.5j):,.2f}')
