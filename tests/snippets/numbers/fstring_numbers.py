# f-strings with format specs and conversions on numbers.
x, y, n = 3.14159, -2.5, 1234567
print(f'{x}|{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.1e}|{x:+.0f}|{y:=+10.2f}|{y:010.3f}')
print(f'{n:,}|{n:_}|{n:_x}|{n:#b}|{n:>15,}|{n:e}|{n:.2%}|{n:c}' if n < 0x110000 else '')
print(f'{n!r}|{x!r}|{x!s:>12}|{1j!r}|{True!r}|{2 ** 70:,}|{-0.0:z.1f}')
w, p = 12, 3
print(f'{x:{w}.{p}f}|{n:{w},}|{x:*^{w}}|{"s":>{w}}')
print('{:.3f} {:>8} {:<8,} {:x}'.format(x, n, n, 255), '{0:.1f} {0:.2e}'.format(x))
print('%.3f %5d %-5d| %x %e %g %r %s' % (x, 42, 42, 255, x, x, x, y))
