# Special casing: dotted/dotless i, sharp s, ligatures, titlecase digraphs, Greek iota subscript.
for s in ['İ', 'I', 'ı', 'i', 'İstanbul', 'ISTANBUL', 'ß', 'STRASSE', 'Straße', 'ẞ', 'ﬀ', 'ﬅ', 'ǲ', 'Ǳ', 'ǳ',
          'ᾳ', 'ᾼ', 'ῳ', 'Ω', 'ω', 'ŉ', 'ǰ', 'ẖ', 'ΐ', 'ﬓ', 'Ａ', 'ａ', '\U00010400', '\U0001e900', '\U0001e922']:
    print(ascii(s), ascii(s.lower()), ascii(s.upper()), ascii(s.title()), ascii(s.casefold()), ascii(s.swapcase()),
          len(s.upper()), s.upper().lower() == s.lower())
