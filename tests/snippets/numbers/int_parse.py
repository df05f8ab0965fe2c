# int() from strings: bases, prefixes, underscores, white space, Unicode digits.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
cases = [('0', 10), ('-0', 10), ('+17', 10), ('  42  ', 10), ('\t\n-7\r ', 10), ('1_000', 10),
         ('1__000', 10), ('_1', 10), ('1_', 10), ('0x1f', 16), ('0X1F', 16), ('1f', 16),
         ('0x_1f', 16), (' 0x_1f', 0), ('0x1_f', 0), ('0b101', 0), ('0B1_01', 2), ('0o17', 0),
         ('0o17', 8), ('017', 0), ('0_7', 0), ('0_0', 0), ('00', 0), ('0', 0), ('010', 10),
         ('0x', 16), ('0x', 0), ('0b', 0), ('0b1', 16), ('z', 36), ('Z', 36), ('Z', 0),
         ('zz', 35), ('12', 2), ('+ 1', 10), ('', 10), ('  ', 10), ('1e3', 10), ('1.0', 10),
         ('\u0661\u0662', 10), ('\u00a012\u2003', 10), ('\u0663x', 10), ('1\x002', 10),
         ('9' * 30, 10), ('-' + '7' * 25, 10), ('f' * 40, 16), ('1' * 100, 2), ('0x' + 'a' * 50, 0)]
for s, base in cases:
    attempt(lambda: int(s, base))
attempt(lambda: int('12'))
attempt(lambda: int(b'12'))
attempt(lambda: int(b' 0x1f ', 16))
attempt(lambda: int(bytearray(b'0b11'), 0))
attempt(lambda: int(b'1\x002'))
attempt(lambda: int(b'x' * 300))
attempt(lambda: int('x' * 300))
attempt(lambda: int('12', base=8))
attempt(lambda: int(x='12'))
attempt(lambda: int('1', 1))
attempt(lambda: int('1', 37))
attempt(lambda: int('1', -1))
attempt(lambda: int('1', 2 ** 100))
attempt(lambda: int(1, 10))
attempt(lambda: int(base=10))
attempt(lambda: int('12', 10.0))
attempt(lambda: int(1, 2, 3))

