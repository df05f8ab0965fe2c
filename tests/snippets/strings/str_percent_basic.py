# str % args: every conversion with default flags.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print('%s|%r|%a' % ('é', 'é', 'é'))
print('%d %i %u' % (42, -7, True), '%o %x %X' % (8, 255, 255), '%e %E' % (12345.678, 0.000123))
print('%f %F %g %G' % (3.14159, 2.5, 1e-7, 1e20), '%c%c%c' % ('a', 98, 0x20ac), '%%' % ())
print('%s' % (1,), '%s' % [1, 2], '%s' % ((1, 2),), '%r' % 'x', '%s %s' % ('a', 'b'))
print('%d' % 2**100, '%x' % -2**70, '%o' % -8, '%X' % 3735928559, '%d' % 3.99, '%i' % -3.99)
print('%s' % None, '%r' % None, '%a' % '\U0001f600', '%s' % b'ab', '%c' % '\U0001f600')
print('%f' % float('inf'), '%e' % float('-inf'), '%g' % float('nan'), '%F' % float('inf'), '%G' % float('nan'))
print('%f' % 1e300 == format(1e300, 'f'), '%.0f' % 0.5, '%.0f' % 1.5, '%.0f' % 2.5, '%.1f' % 0.25, '%.2f' % 1.005)
print('%e' % 0, '%g' % 0, '%g' % 100000, '%g' % 1000000, '%g' % 0.0001, '%g' % 0.00001, '%g' % 123.456)
print('%d%%' % 50, 'a%%b' % (), '%s%%%s' % (1, 2))
print('no args' % (), 'no args' % {}, 'x' % [], 'y' % {'a': 1})
print('%s' % {'a': 1}, '%(a)s' % {'a': 1}, '%(a)s %(b)r' % {'a': 1, 'b': 'x'}, '%(a)s %(a)d' % {'a': 2})
print('%(x y)s' % {'x y': 1}, '%(a(b))s' % {'a(b)': 2}, '%()s' % {'': 3})
class Idx:
    def __index__(self):
        return 65
class Flt:
    def __float__(self):
        return 2.5
class Int:
    def __int__(self):
        return 7
print('%x %o %c %d' % (Idx(), Idx(), Idx(), Idx()), '%f' % Flt(), '%d' % Int(), '%.1f' % Idx())
print('%s' % 'a' * 3, 'ab%s' % 'c' + 'd')
