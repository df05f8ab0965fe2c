# repr() and ascii() of strings: quote choice and escapes.
# Lone surrogates are built with chr() so that the test does not depend on how
# the compiler stores surrogate escapes in literals.
tests = ['', 'abc', "it's", 'say "hi"', 'both \' and "', '\\', '\t\n\r', '\x00\x01\x1f\x7f', '\x80\x9f\xa0',
         '\xad', 'é', '\u0378', '\u20ac', '\u200b', '\u2028', (chr(0xd800)), (chr(0xdfff)), '\U0001f600', '\U000e0001',
         '\U0010ffff', 'ᄀ', '\ufeff', 'a\u0301', '\x85', "'", '"', "'\"", '\'\'']
for t in tests:
    print(ascii(repr(t)), ascii(t), len(repr(t)))
print(repr('abc\n'), repr("x'y"))
print(str(ascii('é')), ascii(['é', 'x']), repr(['é']).encode('utf-8'))
