"""printf-style % formatting: conversions, flags, width/precision, tuples, mappings, errors."""
print("%s %r %a" % ("s", "s", "é"), "%d %i %u" % (1, -2, 3), "%5d|%-5d|%05d" % (42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8), "%e %E %f %g %G" % (1234.5, 0.00012, 1.5, 1e-10, 1e20))
print("%.2f %10.3f %-10.1f| %+.1f" % (3.14159, 2.5, 1.0, 2.0), "%c%c" % (72, "i"), "%%")
print("%(a)s and %(b)d" % {"a": "x", "b": 5}, "%s" % [1, 2], "%s" % ((1, 2),), "%s" % "just")
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s %s" % (None, True), "%d" % True, "%d" % 3.9, "%.3s" % "abcdef", "%5.1s|" % "xyz")
print(b"%s %d %x" % (b"bytes", 5, 255), b"%c" % 65)
for fmt, args in [("%d", "s"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 5),
                  ("%(k)s", {}), ("%c", 1114112), ("%c", "ab"), ("%", ()), ("%x", 1.5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), "->", type(e).__name__, e)
print("%s" % {"a": 1}, "%(x)s %(x)r" % {"x": "y"}, "no args" % ())
print("%r" % 1e16, "%s" % 0.1, "%.0f" % 0.5, "%.0f" % 1.5, "%i" % -0)
