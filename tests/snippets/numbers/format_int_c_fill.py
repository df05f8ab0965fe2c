# 'c', fill characters (any character), alignment and width.
for v in [65, 97, 0x263a, 0x1f600, 0, 0x10ffff]:
    print(repr(format(v, 'c')), repr(format(v, '>3c')), repr(format(v, '*^5c')))
for spec in ['x<8', 'é>8', '\u263a^9', '0<8', '0>8', '08', '=8', '*=+8', ' >8', '>>8', '^^9']:
    print(repr(spec), repr(format(42, spec)), repr(format(-42, spec)), repr(format(4.5, spec)))
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: format(-1, 'c'))
attempt(lambda: format(0x110000, 'c'))
attempt(lambda: format(2 ** 100, 'c'))
attempt(lambda: format(65, '+c'))
attempt(lambda: format(65, '#c'))
attempt(lambda: format(65, ',c'))
attempt(lambda: format(65, '.2c'))
attempt(lambda: format(65, '10c'))
