# float() from strings and bytes.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for s in ['1.5', '  -2.5e3  ', '+.5', '5.', '.5e-3', '1e', '1e+', 'e5', '.', '-', '', '  ',
          '1_0.5e1_0', '1__0', '1_', '_1', '1_e1', '1._1', '._1', '1.5_', 'inf', '-iNfInItY',
          '+nan', 'nan(1)', 'in f', 'infinit', 'infinityx', '0x10', '1e999', '-1e999', '1e-999',
          '\u0663.5', '\u00a01.5\u2003', '1,5', '١٢٣', '1e1_0', '00001.000', '\x001', '1\x00',
          '0.1' + '0' * 400 + '1', '9' * 400]:
    attempt(lambda: float(s))
attempt(lambda: float(b' 1.5 '))
attempt(lambda: float(bytearray(b'2')))
attempt(lambda: float(b'1_0'))
attempt(lambda: float(b'x'))
attempt(lambda: float([]))
attempt(lambda: float(None))
attempt(lambda: float())
attempt(lambda: float(1, 2))
attempt(lambda: float(x=1))
attempt(lambda: float(10 ** 400))
attempt(lambda: float(2 ** 1023 * 2 - 2 ** 969))
attempt(lambda: float(2 ** 1024 - 2 ** 970))
attempt(lambda: float(2 ** 1024 - 2 ** 971))
attempt(lambda: float(-(2 ** 53) - 1))
attempt(lambda: float(True))
