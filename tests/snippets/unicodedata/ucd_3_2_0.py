# unicodedata.ucd_3_2_0: the Unicode 3.2.0 database that IDNA uses.
import unicodedata as u

old = u.ucd_3_2_0
print(type(old), type(old).__name__, old.unidata_version, isinstance(old, u.UCD))
try:
    u.UCD()
except TypeError as e:
    print("TypeError", e)
try:
    old.unidata_version = "x"
except AttributeError as e:
    print("AttributeError")

samples = list(range(0, 0x3000, 5)) + list(range(0x3000, 0x30000, 97))
samples += [0x221, 0x1D7CE, 0x1F600, 0x20000, 0x2A700, 0xF951, 0x2F868, 0x2F874,
            0x2F91F, 0x2F95F, 0x2F9BF, 0x0F39, 0x1100, 0xAC00, 0x3405, 0x1F1E6]
for cp in samples:
    c = chr(cp)
    print(cp, old.category(c), old.bidirectional(c), old.combining(c),
          old.mirrored(c), old.east_asian_width(c), old.decomposition(c),
          old.decimal(c, None), old.digit(c, None), old.numeric(c, None), old.name(c, None))

for name in ["LATIN CAPITAL LETTER A", "LATIN CAPITAL LETTER GHA", "KEYCAP NUMBER SIGN",
             "GRINNING FACE", "CJK UNIFIED IDEOGRAPH-2A700", "HANGUL SYLLABLE GAG",
             "LATIN CAPITAL LETTER D WITH SMALL LETTER Z WITH CARON"]:
    try:
        print(name, ascii(old.lookup(name)))
    except KeyError as e:
        print(name, "KeyError", e)

for t in ["\uf951", "\U0002f868\U0002f874\U0002f91f\U0002f95f\U0002f9bf", "caf\u00e9",
          "cafe\u0301", "\uac00\u1100\u1161", "\u0221\u0301", "\u2adc"]:
    print(ascii(t), [ascii(old.normalize(f, t)) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [old.is_normalized(f, t) for f in ("NFC", "NFD", "NFKC", "NFKD")])

import collections
print(sorted(collections.Counter(old.category(chr(cp)) for cp in range(0, 0x110000, 13)).items()))
print(sum(old.decimal(chr(cp), 0) for cp in range(0, 0x110000, 13)))
print(sum(old.numeric(chr(cp), 0) for cp in range(0, 0x110000, 13)))
