# The is* predicates over ASCII, Latin-1, CJK, emoji, digits of other scripts.
# Lone surrogates are built with chr() so that the test does not depend on how
# the compiler stores surrogate escapes in literals.
samples = ['', 'abc', 'ABC', 'Abc', 'abc123', '123', '١٢٣', '²', '½', 'Ⅻ', '一二三', '漢字', 'é',
           ' \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000', ' ', '\x00', 'a b', '_id', 'id_9',
           '9id', 'ℌ', 'ǅ', 'xᵃ', '\U0001f600', 'a\u0301', '\u0301', 'ﬁ', 'ß', 'İ', 'ab\x7f', '\xad',
           '\u200b', 'µ', 'ªº', 'Ⓐ', (chr(0xd800)), 'def', 'True', 'ａｂｃ', '٣x', '𝟘𝟙']
for s in samples:
    print(ascii(s), s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(),
          s.isidentifier(), s.islower(), s.isnumeric(), s.isprintable(), s.isspace(),
          s.istitle(), s.isupper())
for c in range(0x2000, 0x2010):
    print(hex(c), chr(c).isspace(), chr(c).isprintable())
