# The final sigma rule of str.lower and friends, with case-ignorable characters around.
cases = ['Σ', 'ΑΣ', 'ΣΑ', 'ΑΣΑ', 'ΑΣ ΑΣ', 'ΑΣ.', 'ΑΣ.Α', "Α'Σ", "ΑΣ'", "ΑΣ'Α", 'Α\u0301Σ', 'ΑΣ\u0301', 'ΑΣ\u0301Α',
         '1Σ', 'Σ1', 'ΑΣ1', 'ΑΣΣ', 'ΣΣ', 'Α\u00adΣ', 'Α:Σ', 'ΑΣ\u00b7Α', 'ΑᵃΣ', 'ᵃΣ', 'a\u0345Σ', 'ΑΣ\u0345']
for c in cases:
    print(ascii(c), ascii(c.lower()), ascii(c.capitalize()), ascii(c.title()), ascii(c.swapcase()), ascii(c.casefold()))
