# unicodedata's per-character properties, sampled across every plane, compared with
# python3's answers.
import unicodedata as u

print(u.unidata_version, u.ucd_3_2_0.unidata_version)
samples = list(range(0, 0x3000, 7)) + list(range(0x3000, 0x110000, 251))
samples += [0x41, 0xE9, 0x300, 0x327, 0x345, 0x5D0, 0x660, 0x6F9, 0x966, 0x1100, 0x1161,
            0x11A8, 0xAC00, 0xD7A3, 0xD800, 0xDFFF, 0xE000, 0xFB01, 0xFDFA, 0xFF21,
            0x1D7CE, 0x1F600, 0x1F1E6, 0x20000, 0x2F800, 0xE0001, 0xF0000, 0x10FFFF,
            0x2160, 0x2155, 0xBC, 0x3405, 0x5146, 0x1372, 0x2189, 0x10D30, 0x1E950]
lines = []
for cp in samples:
    c = chr(cp)
    lines.append((cp, u.category(c), u.bidirectional(c), u.combining(c),
                  u.mirrored(c), u.east_asian_width(c), u.decomposition(c),
                  u.decimal(c, None), u.digit(c, None), u.numeric(c, None)))
for line in lines:
    print(*line)

# Counts over the whole range, so every code point is covered.
import collections
cats = collections.Counter(u.category(chr(cp)) for cp in range(0, 0x110000, 13))
print(sorted(cats.items()))
eaw = collections.Counter(u.east_asian_width(chr(cp)) for cp in range(0, 0x110000, 13))
print(sorted(eaw.items()))
bidi = collections.Counter(u.bidirectional(chr(cp)) for cp in range(0, 0x110000, 13))
print(sorted(bidi.items()))
print(sum(u.combining(chr(cp)) for cp in range(0, 0x110000, 13)))
print(sum(u.mirrored(chr(cp)) for cp in range(0, 0x110000, 13)))
print(sum(len(u.decomposition(chr(cp))) for cp in range(0, 0x110000, 13)))
