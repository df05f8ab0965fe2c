# Comparisons and equality across the three storage widths.
vals = ['', 'a', 'ab', 'é', 'ÿ', 'Ā', 'ā', '\u20ac', '\uffff', '\U00010000', '\U0010ffff', 'a\u20ac', 'a\U0001f600',
        'aé', 'a\xff', 'z', '\x00', '\x7f', '\x80']
for a in vals:
    print(ascii(a), [ (a < b) + 2 * (a == b) for b in vals ])
print(sorted(vals) == sorted(vals, key=lambda s: [ord(c) for c in s]))
print(max(vals) == '\U0010ffff', min(vals) == '', 'abc\u20ac'[:3] == 'abc', ('x' + 'é')[:1] == 'x')
print(('é' + '\u20ac')[:1] == 'é', ('\U0001f600' + 'é')[1:] == 'é', ('\U0001f600' + 'é')[1:] is not None)
print({'é': 1}[('\u20ace')[1:] if False else 'é'], {('a\u20ac')[:1]: 2}['a'], hash(('a\u20ac')[:1]) == hash('a'))
