# bytes % args and bytearray % args.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for T in (bytes, bytearray):
    print(T(b'%s|%b|%r|%a') % (b'x', bytearray(b'y'), 'é', b'z'), T(b'%d %i %u %o %x %X') % (1, -2, 3, 8, 255, 255))
    print(T(b'%5.2s|%-4s|%.1b') % (b'abc', b'q', b'xyz'), T(b'%c%c%c') % (65, b'B', bytearray(b'C')), T(b'%%') % ())
    print(T(b'%05d|%+d|% d|%#x|%#o|%-5d|') % (42, 5, 5, 255, 8, 3), T(b'%.3f %e %g %G') % (2.5, 12345.678, 1e-7, 1e20))
    print(T(b'%(a)s %(b)d') % {b'a': b'A', b'b': 2}, T(b'%s') % memoryview(b'mv') if False else 0, T(b'abc') % ())
    print(T(b'%*d|%-*d|%.*f') % (4, 1, 4, 2, 2, 3.14159), T(b'%s') % (T(b'self'),))
class WithBytes:
    def __bytes__(self):
        return b'WB'
print(b'%s' % WithBytes(), b'%b' % WithBytes())
attempt(lambda: b'%s' % 'str')
attempt(lambda: b'%s' % 1)
attempt(lambda: b'%d' % b'1')
attempt(lambda: b'%x' % 1.5)
attempt(lambda: b'%c' % 256)
attempt(lambda: b'%c' % 'a')
attempt(lambda: b'%c' % b'ab')
attempt(lambda: b'%y' % 1)
attempt(lambda: b'%d %d' % (1,))
attempt(lambda: b'%d' % (1, 2))
attempt(lambda: b'abc' % 1)
attempt(lambda: b'%' % ())
attempt(lambda: b'%(a' % {})
attempt(lambda: b'%(a)s' % {'a': b'1'})
attempt(lambda: b'%(a)s' % 1)
attempt(lambda: b'%*d' % ('x', 1))
attempt(lambda: bytearray(b'%s') % 'x')
attempt(lambda: b'%f' % 'x')
print(b'%s %s' % (b'a', b'b'), b'%r' % b'\xff', b'%a' % '\u20ac')
