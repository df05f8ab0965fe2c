# Integer presentation types and the alternate form.
vals = [0, 1, -1, 255, -255, 4096, 2 ** 63, -2 ** 64 - 1, 10 ** 30, True, False]
for v in vals:
    print(format(v, 'b'), format(v, 'o'), format(v, 'x'), format(v, 'X'),
          format(v, '#b'), format(v, '#o'), format(v, '#x'), format(v, '#X'),
          format(v, 'd'), format(v, ''), format(v, 'n'))
for spec in ['+d', ' d', '-d', '+#x', ' #o', '#010x', '#010X', '0=10b', '#_b', '_x', '_o',
             '#_X', '12_b', '<#10x', '^#12o', '=+#12X', '010_x', '020,d', '-^9d']:
    print(spec, repr(format(3054, spec)), repr(format(-3054, spec)))
print(bin(37), oct(-37), hex(255), hex(-2 ** 70), bin(0), oct(True))
