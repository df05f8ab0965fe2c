# str % args: flags, widths, precisions, '*'.
vals = [0, 1, -1, 42, -42, 255, 3.14159, -2.5, 1e10, 1e-10]
for fmt in ['%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '%-+5d|', '% 05d', '%.3d', '%6.3d', '%-6.3d|',
            '%#o', '%#x', '%#X', '%#08x', '%#-8x|', '%+#x', '% #o', '%#.5x', '%08.3x']:
    print(fmt, ' '.join(fmt % int(v) for v in vals))
for fmt in ['%f', '%.2f', '%10.3f', '%-10.3f|', '%010.3f', '%+.1f', '% .1f', '%e', '%.2e', '%12.4E', '%g',
            '%.3g', '%#g', '%#.3g', '%#.0f', '%#.0e', '%G', '%.10g', '%015.4e', '%+g', '% g']:
    print(fmt, ' '.join(fmt % v for v in vals))
for fmt in ['%5s|', '%-5s|', '%.2s|', '%5.1s|', '%-8.3s|', '%05s|', '%5r|', '%.3r|', '%5c|', '%-3c|', '%5a|']:
    print(fmt, fmt % 'héllo' if 'c' not in fmt else fmt % 'x')
print('%*d|%-*d|%*d' % (5, 1, 5, 2, -5, 3), '%.*f' % (2, 3.14159), '%*.*f|' % (8, 3, 2.5), '%.*s' % (2, 'abc'))
print('%.*f' % (-1, 2.5), '%*s|' % (0, 'x'), '%-*s|' % (-4, 'y'))
print('%ld %li %hd %Lf' % (1, 2, 3, 4.0))
print('%s' % 'a'.center(7), '%3%' % () if False else '', '%-3c|%3c|' % ('a', 'b'))
