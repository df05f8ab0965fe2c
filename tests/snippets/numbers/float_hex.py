# float.hex() and float.fromhex().
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for v in [0.0, -0.0, 1.0, -0.1, 3.14159, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          0.5, 1e100, float('inf'), float('-inf'), float('nan')]:
    h = v.hex()
    print(repr(v), h, repr(float.fromhex(h)))
for s in ['0x1.ffffp10', '-0x1p-1074', '0x1p-1075', '0x1.8p-1074', '0x1.0000000000001p-1075',
          '  1.8p1 ', '0x.8', '0x1.', '1', '0X1P+3', '0x1p', '0x', 'x1', '0x1.g', '0x1p1024',
          '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '-Infinity', ' nan ', 'inf ',
          '0x1p-99999999999999999999', '0x1p99999999999999999999', '0x0p99999999999999999999',
          '0x' + 'f' * 300, '0x0.' + '0' * 300 + '1', '+0x1.5p+1', '0x1__0', '\u00a01.0',
          '0x1.8p1 x', '0x1e', '0x1 p1']:
    attempt(lambda: float.fromhex(s))
attempt(lambda: float.fromhex(1))
attempt(lambda: float.fromhex())
class F(float):
    pass
print(type(F.fromhex('0x1p1')).__name__, F.fromhex('0x1p1'))
