# split / rsplit / splitlines with and without separators and maxsplit.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['a b  c', '  a b  c  ', '', '   ', 'a,b,,c,', ',', 'a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj\x85k\xa0l\u2000m\u3000n',
          'αβ γδ', '\U0001f600 \U0001f601', 'one']:
    print(ascii(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0),
          s.rsplit(maxsplit=0), s.split(','), s.rsplit(',', 1), s.split(',', 0))
print('a--b--c'.split('--'), 'a--b--c'.rsplit('--', 1), '--'.split('--'), 'x'.split('--'))
print('aXbXc'.split('X', -1), 'aXbXc'.split(sep='X', maxsplit=1), 'aXbXc'.rsplit(sep='X', maxsplit=1))
print('αXβXγ'.split('X'), 'a€b€c'.split('€'), 'abc'.split('€'), 'a\U0001f600b'.split('\U0001f600'))
print('1,2,3'.split(',', 2**70 if False else 5), 'a b'.split(' ', True))
attempt(lambda: 'a'.split(''))
attempt(lambda: 'a'.rsplit(''))
attempt(lambda: 'a'.split(1))
attempt(lambda: 'a'.split(',', 'x'))
attempt(lambda: 'a'.split(',', 1.5))
attempt(lambda: 'a'.split(',', 2**70))
attempt(lambda: 'a'.split(x=1))
attempt(lambda: 'a'.split(',', 1, 2))
for s in ['a\nb\r\nc\rd', 'a\n', '\n', '', 'a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i', 'a\r', 'no newline', '\r\n\r\n']:
    print(ascii(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
attempt(lambda: 'a'.splitlines(1.5))
attempt(lambda: 'a'.splitlines(x=1))
x = 'word'
print(x.split()[0] is x, x.split('z')[0] is x)
