# unicodedata.normalize and is_normalized in the four forms: canonical ordering,
# composition with blocking, Hangul, composition exclusions, singletons.
import unicodedata as u

texts = [
    "", "abc", "caf\u00e9", "cafe\u0301", "\u1e9b\u0323", "\u0071\u0307\u0323",
    "\u00c5\u212b\u0041\u030a", "\u2126\u03a9", "\ufb01", "\u2075", "\u1e0b\u0323",
    "\u0044\u0323\u0307", "\u0044\u0307\u0323", "\u00e0\u0328", "a\u0328\u0300",
    "\uac00\uac01\ud7a3", "\u1100\u1161\u11a8", "\u1100\u1161\u11a7", "\u1100\u1161",
    "\u1100\u1161\u11c3", "\u1112\u1175\u11c2x", "\u0958", "\u0915\u093c", "\u2adc",
    "\u0f73", "\u0f71\u0f72", "\u0344", "\u0308\u0301", "\u05b8\u05b9\u05b1\u0591\u05c3\u05b0\u05ac\u059f",
    "\u0592\u05b7\u05bc\u05a5\u05b0\u05c0\u05c4\u05ad", "\u1100\uac00\u11a8", "\uac00\u11a8",
    "\u00bd\u2153\u00b2\u2082", "\uff21\uff41\uff71", "\u3300\u32ff", "\ufdfa",
    "\U0001d15e\U0001d165", "\U0001d160", "\u0374\u037e\u0387", "\u212b\u030a",
    "e\u0301\u0301\u0327", "\u0041\u0301\u0301", "\u1fb7\u0345\u0301", "\U0002f800\U0002f868",
    "\uf951\U0002f874", "\u00c7\u0301", "o\u031b\u0323\u0300", "\u0300a", "\u0301\u0300e",
    "\ud800\u0301", "x" * 30 + "\u0301" * 25 + "e",
]
for t in texts:
    out = []
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        n = u.normalize(form, t)
        out.append(ascii(n))
        out.append(u.is_normalized(form, t))
        out.append(u.is_normalized(form, n))
    print(ascii(t), *out)

# A string already normal is returned itself.
s = "abc\u00e9"
print(u.normalize("NFC", s) is s, u.normalize("NFD", s) is s, u.normalize("NFKC", "") == "")

# Every character, alone, in each form (checksums of the results).
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    total = 0
    changed = 0
    for cp in range(0, 0x30000, 11):
        c = chr(cp)
        n = u.normalize(form, c)
        if n != c:
            changed += 1
            total += sum(map(ord, n)) * (cp % 97 + 1)
    print(form, changed, total)

# Pairs of a base and a combining mark.
bases = "aeiouAEIOUnNcCsSzZ\u0391\u03b1\u0415\u0435\u05d0\u0627\u0915\u3046\u30a6"
marks = "\u0300\u0301\u0302\u0303\u0308\u030a\u030c\u0327\u0328\u0323\u0345\u05b4\u0654\u093c\u3099"
digest = 0
for b in bases:
    for m in marks:
        for m2 in marks[::3]:
            for form in ("NFC", "NFKD"):
                n = u.normalize(form, b + m + m2)
                digest = (digest * 31 + sum(map(ord, n)) + len(n)) % 1000000007
print(digest)

for args in [("NFX", "a"), ("nfc", "a"), (1, "a"), ("NFC", b"a"), ("NFC",), ("NFX", "")]:
    for f in (u.normalize, u.is_normalized):
        try:
            print(ascii(f(*args)))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
