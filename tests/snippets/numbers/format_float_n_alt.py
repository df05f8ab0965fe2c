# 'n' is 'g' in the C locale (no grouping); '#' keeps the point and trailing zeros.
for v in [1234567.0, 1.5, 0.0001, 1e20, -3.0, 1.0]:
    print(format(v, 'n'), format(v, '.3n'), format(v, '#n'), format(v, '015n'),
          format(v, '#.0f'), format(v, '#.0e'), format(v, '#.1g'), format(v, '#'))
for v in [1234567, -42, 0]:
    print(format(v, 'n'), format(v, '10n'), format(v, '010n'), format(v, '+n'))
