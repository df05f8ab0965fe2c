# unicode_escape and raw_unicode_escape: escapes, errors with each handler, encoding.
tests = [b'abc', b'a\\nb', b'\\x41\\u20ac\\U0001f600', b'\\x4', b'\\x4g', b'\\u12', b'\\U0011ffff', b'\\N{EURO SIGN}', b'\\N{bogus}', b'\\N{', b'\\Nx', b'\\', b'a\\', b'\\q', b'\\101\\7\\400', b'\\\'\\"\\a\\b\\f\\v\\t\\r\\0', b'\xe9\xff', b'\\\n']
for t in tests:
    for codec in ['unicode_escape', 'raw_unicode_escape']:
        for err in ['strict', 'replace', 'ignore', 'backslashreplace']:
            try:
                print(ascii(t), codec, err, ascii(t.decode(codec, err)))
            except Exception as e:
                print(ascii(t), codec, err, type(e).__name__, ascii(str(e)))
for s in ['abc', "it's \"q\"", '\t\n\r\\', '\x00\x7f\x80\xff', '\u20ac\U0001f600', chr(0xd800)]:
    for codec in ['unicode_escape', 'raw_unicode_escape']:
        try:
            print(ascii(s), codec, s.encode(codec))
        except Exception as e:
            print(ascii(s), codec, type(e).__name__, ascii(str(e)))

for b in [b'\\\\u20ac', b'\\\\\\u20ac', b'\\', b'a\\', b'\\u12x4', b'\\N{LATIN SMALL LETTER A}\\N{latin small letter b}', b'\\N{}', b'\\N{LATIN CAPITAL LETTER GHA}', b'\\N{BYTE ORDER MARK}']:
    for c in ['raw_unicode_escape', 'unicode_escape']:
        try: print(b, c, ascii(b.decode(c)))
        except Exception as e: print(b, c, type(e).__name__, e)
