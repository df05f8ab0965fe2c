# center / ljust / rjust / zfill / expandtabs.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['abc', '', 'ab', 'α', '\U0001f600']:
    for w in [-1, 0, 3, 4, 5, 6, 7]:
        print(repr(s), w, repr(s.center(w)), repr(s.ljust(w, '*')), repr(s.rjust(w, '€')), repr(s.center(w, '\U0001f600')))
for s in ['42', '-42', '+42', '', '-', 'abc', '--1', '\u0663']:
    print(repr(s), s.zfill(5), s.zfill(1), s.zfill(-3))
attempt(lambda: 'a'.center(5, 'xy'))
attempt(lambda: 'a'.center(5, ''))
attempt(lambda: 'a'.ljust(5, 1))
attempt(lambda: 'a'.rjust('5'))
attempt(lambda: 'a'.rjust(2**70))
attempt(lambda: 'a'.zfill('x'))
attempt(lambda: 'a'.center())
attempt(lambda: 'a'.center(1, 'x', 'y'))
for s in ['a\tb', '\t', 'abcdefgh\tx', 'a\tb\nc\td', 'ab\r\tc', '\u20ac\tx', 'no tabs']:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)), repr(s.expandtabs(-1)),
          repr(s.expandtabs(tabsize=1)))
attempt(lambda: 'a\tb'.expandtabs('x'))
attempt(lambda: 'a\tb'.expandtabs(2**40))
attempt(lambda: 'a\tb'.expandtabs(size=3))
x = 'abc'
print(x.center(2) is x, x.ljust(3) is x, x.zfill(1) is x, x.expandtabs() is x)
