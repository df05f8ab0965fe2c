# Case mapping with full Unicode rules: final sigma, German sharp s, Turkish dotted I,
# ligatures, title case, capitalize, swapcase, casefold.
words = ['hello World', 'ΣΊΣΥΦΟΣ', 'ΌΣΟΣ σ', 'Σ', 'aΣ', 'aΣb', 'aΣ.', "aΣ'b", 'straße', 'ß',
         'İstanbul', 'ıi', 'ﬁre', 'ǆemal', 'ǅ', 'ŉ', 'ǰ', 'ΐ', 'Ⅻ', 'ⓐⓑ', '\U00010400\U00010428',
         'άλφα βήτα', "they're bill's friends", 'hello2world', 'ÉCOLE', 'ÿ', 'µ', 'ͅ', 'a\u0345Σ',
         '\u1f80', '', '123', 'éÉ', 'ß'.upper(), 'Ａｂｃ']
for w in words:
    print(ascii(w), ascii(w.lower()), ascii(w.upper()), ascii(w.title()), ascii(w.capitalize()),
          ascii(w.swapcase()), ascii(w.casefold()))
for w in words:
    print(ascii(w), w.islower(), w.isupper(), w.istitle())
print('ΣΑΣ'.lower(), 'ΜΆΙΟΣ ΣΑΣ.'.lower(), 'Σ Σ'.lower(), 'aΣ\u0301'.lower(), 'aΣ\u0301b'.lower())
