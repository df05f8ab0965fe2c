# No presentation type: like repr, or 'g' keeping a '.0' when a precision is given.
vals = [0.0, 1.0, 1.5, 100.0, 1e16, 1e15, 123456.0, 1234567.0, 0.0001, 0.00001, 1 / 3,
        2.5, -0.0, float('inf'), float('nan'), 1e22, 12345678901234567890.0]
for v in vals:
    print(format(v, ''), format(v, '.1'), format(v, '.3'), format(v, '.12'),
          format(v, '10'), format(v, '<10'), format(v, '+'), format(v, ','), format(v, '#'),
          format(v, '#.3'))
print(f'{1.0}', f'{1e16}', f'{2.5:.0}', f'{123.0:.2}', f'{0.5:.0}')
