# Ordering of bytes and bytearray, mixed.
vals = [b'', b'\x00', b'a', b'ab', b'b', b'\xff', bytearray(b'a'), bytearray(b''), bytearray(b'\xff\x00')]
for a in vals:
    print(repr(a), [(a < b) + 2 * (a == b) for b in vals])
print(sorted([b'b', b'a', b'', b'\xff', b'ab']), max(b'x', bytearray(b'y')), min([bytearray(b'q'), b'p']))
for op in ['<', '<=', '>', '>=']:
    for other in ["'a'", '1', 'None', '[1]']:
        try:
            eval("b'a' %s %s" % (op, other))
        except TypeError as e:
            print('TypeError', e)
        try:
            eval("bytearray(b'a') %s %s" % (op, other))
        except TypeError as e:
            print('TypeError', e)
print(b'a' == 'a', bytearray(b'a') == 'a', b'a' != 1, bytearray() == [], b'' == bytearray())
