# isdecimal / isdigit / isnumeric over many numeric characters.
for c in '0٣۳߃३৩੩૩୩௩౩೩൩෩๓໓༣၃႓៣᠓᥆᧓᪃᪓᭓᮳᱃᱓꘣꣓꤃꧓꧳꩓꯳０²³¹¼½¾ⁱ⁰⁴₀₉⅐Ⅰⅰ①⑴⒈⓪❶➀〇一二三壹拾百千万億兆':
    print(ascii(c), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isalpha())
print('١٢٣'.isdecimal(), '١٢٣'.isdigit(), '½'.isdigit(), '½'.isnumeric(), '²'.isdecimal(), 'Ⅻ'.isnumeric())
