# unicodedata.name and lookup: stored names, Hangul syllables, CJK ideographs, aliases,
# named sequences, case-insensitivity and the errors.
import unicodedata as u

for cp in [0x20, 0x41, 0x7F, 0xA0, 0xE9, 0x300, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,
           0xD7A3, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0x20000, 0x2A6DF, 0x3134A,
           0x17000, 0x1F600, 0xFDFA, 0x0F0A, 0x0F6A, 0xE0100, 0x378, 0xE000, 0xF0000]:
    print(cp, u.name(chr(cp), None))
    n = u.name(chr(cp), None)
    if n is not None:
        print(ord(u.lookup(n)), ord(u.lookup(n.lower())) if not n.startswith(("HANGUL SYLLABLE", "CJK UNIFIED")) else "-")

# Every name round-trips on a sample of the whole range.
bad = 0
named = 0
for cp in range(0, 0x110000, 17):
    n = u.name(chr(cp), None)
    if n is not None:
        named += 1
        if u.lookup(n) != chr(cp):
            bad += 1
print(named, bad)

for name in ["LATIN CAPITAL LETTER GHA", "latin small letter gha", "BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS",
             "KEYCAP NUMBER SIGN", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
             "TAMIL SYLLABLE SAI", "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "hangul syllable GA",
             "HANGUL SYLLABLE ga", "HANGUL SYLLABLE ", "HANGUL SYLLABLE A", "HANGUL SYLLABLE GAX",
             "CJK UNIFIED IDEOGRAPH-4E00", "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-4e00",
             "CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-2A6E0", "CJK UNIFIED IDEOGRAPH-04E00",
             "CJK UNIFIED IDEOGRAPH-", "TIBETAN MARK BKA- SHOG YIG MGO", "HANGUL JUNGSEONG O-E",
             "TIBETAN MARK TSA -PHRU", "NULL", "LINE FEED", "LF", "BOM", "ZWNJ", "", " ", "LATIN",
             "DIGIT ONE\x00", "a\x00b", "x" * 256, "x" * 257, "LATIN SMALL LETTER É", "SPACE ",
             b"DIGIT ZERO", b"digit two", b"no such thing"]:
    try:
        r = u.lookup(name)
        print(repr(name)[:40], [ord(c) for c in r])
    except KeyError as e:
        print(repr(name)[:40], "KeyError", e)

for bad in [1, None, bytearray(b"DIGIT ONE"), memoryview(b"DIGIT ONE"), "\udc80"]:
    try:
        u.lookup(bad)
    except (TypeError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)

for args in [(), ("ab",), ("",), (3,), (None,), (b"a",), ("a", 1, 2)]:
    try:
        print(u.name(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(u.name("\u0378", "dflt"), u.name("\u0378", None))
try:
    u.name("\u0378")
except ValueError as e:
    print("ValueError", e)
try:
    u.name("a", default=1)
except TypeError as e:
    print("TypeError", e)

# \N{...} escapes and the namereplace handler use the same tables.
print(ascii("\N{LATIN SMALL LETTER A WITH ACUTE}\N{latin capital letter gha}\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E01}"))
print(ascii(eval(r'"\N{SPACE}\N{BOM}"')))
print(ascii(eval(r'b"\N{SPACE}"')))
print(ascii(b"\\N{EM DASH}\\N{em dash}".decode("unicode_escape")))
try:
    b"\\N{NOPE}".decode("unicode_escape")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print("a\u00e9\u4e00\uac00\U0001F600\u0378\ue000".encode("ascii", "namereplace"))
