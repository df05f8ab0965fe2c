# find / rfind / index / rindex / count with ranges, empty needles, wide strings.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = 'abracadabra'
for sub in ['a', 'bra', 'abra', '', 'z', 'abracadabraX', 'ra']:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 2), s.rfind(sub, 0, 8),
          s.count(sub, 1, -1), s.find(sub, -4), s.find(sub, 20), s.rfind(sub, 5, 2))
print(s.find('', 11), s.find('', 12), s.rfind('', 11), s.rfind('', 12), s.count('', 11), s.count('', 12))
print(s.count('', 3, 1), s.find('', 5, 4), s.find('a', None, None), s.find('a', 1, None))
w = 'αβγαβγ\u20acαβγ'
print(w.find('βγ'), w.rfind('βγ'), w.count('αβγ'), w.find('\u20ac'), w.find('x'), w.index('γ', 3))
e = 'x\U0001f600y\U0001f600'
print(e.find('\U0001f600'), e.rfind('\U0001f600'), e.count('\U0001f600'), e.find('y\U0001f600'), e.find('é'))
print('é\u20ac'.find('é'), 'abc'.find('\u20ac'), 'abc'.find('\U0001f600'), 'aé'.find('é'))
attempt(lambda: s.index('z'))
attempt(lambda: s.rindex('z'))
attempt(lambda: s.index('a', 100))
attempt(lambda: s.find(1))
attempt(lambda: s.count(None))
attempt(lambda: s.find('a', 'x'))
attempt(lambda: s.find('a', 1.5))
attempt(lambda: s.find())
attempt(lambda: s.find('a', 1, 2, 3))
attempt(lambda: s.index('a', 2**100))
attempt(lambda: s.find('a', -2**100))
print(s.rindex('a'), s.index('c'), s.rindex('a', 0, 5), s.index('a', -2))
big = 'ab' * 50000 + 'abc' + 'ab' * 50000
print(big.find('abc'), big.rfind('abc'), big.count('ab'), big.count('abc'), big.find('abd'), 'abc' in big)
wbig = 'αβ' * 50000 + 'αβγ' + 'αβ' * 50000
print(wbig.find('αβγ'), wbig.rfind('αβγα'), wbig.count('αβ'), wbig.find('βα' * 3), wbig.find('γγ'))
needle = 'αβαβαβαβαβαβγ'
print(wbig.find(needle), wbig.rfind(needle), ('α' * 1000 + 'β').find('α' * 500 + 'β'))
