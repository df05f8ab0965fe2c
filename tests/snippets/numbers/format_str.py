# str.__format__: width, precision (truncation), alignment, fill.
for s in ['', 'a', 'hello', 'héllo wörld', '\u263a\u263b']:
    print(repr(format(s, '')), repr(format(s, '10')), repr(format(s, '<10')),
          repr(format(s, '>10')), repr(format(s, '^10')), repr(format(s, '*^11')),
          repr(format(s, '.3')), repr(format(s, '10.2')), repr(format(s, 's')),
          repr(format(s, '^3.1')))
print(f'{"abc":>8}|{"abc":_<8}|{"abc":.1}|{"x":é^5}')
class S(str):
    def __str__(self):
        return 'custom'
print(repr(format(S('abc'), '')), repr(format(S('abc'), '5')), type(format(S('abc'), '')).__name__)
