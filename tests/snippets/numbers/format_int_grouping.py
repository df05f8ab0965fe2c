# Thousands separators, with zero padding inserting separators among the zeros.
vals = [0, 7, 1234, -1234, 1234567, -1234567890, 10 ** 20, -(10 ** 25)]
for v in vals:
    print(format(v, ','), format(v, '_'), format(v, '010,'), format(v, '012_'),
          format(v, '>15,'), format(v, '<15_d'), format(v, '^15,'), format(v, '+,'))
for w in range(1, 14):
    print(w, repr(format(1234, '0%d,' % w)), repr(format(-1234, '0%d,' % w)),
          repr(format(0xabcdef, '0%d_x' % w)))
print(format(1234.5, '010,.1f'), format(-1234.5, '012,.1f'), format(1e6, '_'))
