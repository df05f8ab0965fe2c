"""Float formatting with precisions far beyond a double's digits (%-format, format(), str.format)."""
cases = ["'%.100000f' % 1.5", "'%.100000e' % 1.5", "'%.100000g' % 1.5", "'%#.100000g' % 1.5",
         "format(1.5, '.100000f')", "format(1.5, '.100000e')", "format(1.5, '.100000g')",
         "format(1.5, '#.100000g')", "format(1.5, '.100000%')", "format(2.5e-300, '.70000f')",
         "'{:.70000}'.format(1.5)", "format(1e300, '.70000f')", "format(1.5+2j, '.70000f')",
         "'%.70000r' % 1.5", "format(5e-324, '.2000e')", "format(-0.0, '.80000f')",
         "format(float('inf'), '.80000f')", "format(1/3, '.1200f')", "round(1.5, 100000)",
         "round(2.675, 400)", "format(1.5, '.3000000000f')", "'%.3000000000f' % 1.5"]
for c in cases:
    try:
        r = eval(c)
        text = str(r)
        print(c, len(text), text[:25], text[-25:], text.count("0"))
    except (ValueError, OverflowError, MemoryError) as e:
        print(c, type(e).__name__, e)
