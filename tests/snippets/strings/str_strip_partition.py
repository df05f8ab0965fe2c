# strip family, partition, removeprefix/removesuffix.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['  hi  ', '\t\n hi \x0b\x0c\r', 'xxhixx', '', '   ', '\u3000hi\u3000', 'αβhiβα', '\U0001f600hi\U0001f600']:
    print(ascii(s), ascii(s.strip()), ascii(s.lstrip()), ascii(s.rstrip()), ascii(s.strip('x')),
          ascii(s.strip('αβ')), ascii(s.strip('\U0001f600')), ascii(s.strip(None)), ascii(s.strip('')))
print('www.example.com'.strip('cmowz.'), 'mississippi'.rstrip('ipz'), 'mississippi'.lstrip('mis'))
attempt(lambda: 'a'.strip(1))
attempt(lambda: 'a'.lstrip(b'a'))
attempt(lambda: 'a'.rstrip('a', 'b'))
for s in ['a=b=c', '=', 'abc', '', 'α=β', 'a==b']:
    print(repr(s), s.partition('='), s.rpartition('='), s.partition('=='), s.rpartition('b'))
print('a€b€c'.partition('€'), 'abc'.partition('€'), 'abc'.rpartition('\U0001f600'))
attempt(lambda: 'a'.partition(''))
attempt(lambda: 'a'.rpartition(''))
attempt(lambda: 'a'.partition(None))
attempt(lambda: 'a'.partition(1))
print('TestHook'.removeprefix('Test'), 'BaseTestCase'.removeprefix('Test'), 'abc'.removesuffix('bc'),
      'abc'.removesuffix(''), 'abc'.removeprefix(''), 'abc'.removeprefix('abcd'), 'αβγ'.removesuffix('γ'))
attempt(lambda: 'a'.removeprefix(1))
attempt(lambda: 'a'.removesuffix(None))
x = 'abc'
print(x.strip() is x, x.removeprefix('z') is x, x.partition('z')[0] is x, x.rpartition('z')[2] is x)
