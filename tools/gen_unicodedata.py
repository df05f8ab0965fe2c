"""Generate the Unicode database tables of the `unicodedata` module.

Writes objects/src/unicodedata_db.rs (character records, decompositions, compositions,
the Unicode 3.2.0 change records) and objects/src/unicodename_db.rs (character names,
aliases and named sequences). They play the part of CPython's Modules/unicodedata_db.h
and Modules/unicodename_db.h, which Tools/unicode/makeunicodedata.py generates from the
UCD text files.

Like tools/gen_unicodetype.py, this reads the host python3's own answers (CPython
3.11, Unicode 14.0.0), so pyrs agrees with it by construction:
- properties, decompositions and names come from `unicodedata` for every code point;
- normalization quick-check values and the composition pairs are derived from
  `unicodedata.normalize` and `unicodedata.decomposition` (how, see `quickcheck`);
- the Unicode 3.2.0 data (`unicodedata.ucd_3_2_0`, for IDNA) is read off the host's
  `ucd_3_2_0` and stored as CPython stores it, as change records against 14.0.0;
  every function is then replayed against the host for every code point;
- name aliases and named sequences cannot be listed through `unicodedata`, so they are
  read from NameAliases.txt and NamedSequences.txt (the paths below, or --aliases and
  --sequences), keeping only the entries the host's `unicodedata.lookup` resolves to
  the same characters: a newer NameAliases.txt yields exactly the 14.0.0 set.

Tables indexed by code point are split in two levels as CPython's `splitbins` does:
`index1[cp >> SHIFT]` picks a block, `index2[(block << SHIFT) + (cp & MASK)]` the
value, and identical blocks are stored once.

Run: python3 tools/gen_unicodedata.py [--aliases PATH] [--sequences PATH]
"""
import argparse
import glob
import os
import re
import sys
import unicodedata

MAX = sys.maxunicode + 1
UCD32 = unicodedata.ucd_3_2_0

CATEGORY_NAMES = [
    "Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc",
    "Cf", "Cs", "Co", "Cn", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm",
    "Sc", "Sk", "So",
]
BIDIRECTIONAL_NAMES = [
    "", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS",
    "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI",
]
EASTASIANWIDTH_NAMES = ["F", "H", "W", "Na", "A", "N"]

# Hangul syllables are named and decomposed algorithmically (Unicode 3.12).
SBASE, LBASE, VBASE, TBASE = 0xAC00, 0x1100, 0x1161, 0x11A7
LCOUNT, VCOUNT, TCOUNT = 19, 21, 28
SCOUNT = LCOUNT * VCOUNT * TCOUNT


def find_default(patterns):
    for pat in patterns:
        hits = sorted(glob.glob(pat))
        if hits:
            return hits[-1]
    return None


# --- Writing Rust ----------------------------------------------------------------------

def int_type(values):
    hi = max(values, default=0)
    lo = min(values, default=0)
    assert lo >= 0
    if hi < 1 << 8:
        return "u8", 1
    if hi < 1 << 16:
        return "u16", 2
    return "u32", 4


def rust_array(out, name, values, doc, typ=None):
    if typ is None:
        typ, _ = int_type(values)
    out.append(f"/// {doc}")
    out.append("#[rustfmt::skip]")
    out.append(f"pub static {name}: [{typ}; {len(values)}] = [")
    line = ""
    for v in values:
        item = f"{v},"
        if len(line) + len(item) > 99:
            out.append(line)
            line = ""
        line += item
    if line:
        out.append(line)
    out.append("];")
    out.append("")


def rust_bytes(out, name, data, doc):
    """A byte table as a byte string literal (the lexicon is mostly letters)."""
    out.append(f"/// {doc}")
    out.append("#[rustfmt::skip]")
    out.append(f"pub static {name}: &[u8; {len(data)}] = b\"\\")
    line = ""
    for b in data:
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C):
            s = chr(b)
        else:
            s = f"\\x{b:02x}"
        if len(line) + len(s) > 98:
            out.append(line + "\\")
            line = ""
        if not line and s == " ":
            # A space opening a line would be eaten by the line continuation.
            s = "\\x20"
        line += s
    out.append(line + "\";")
    out.append("")


def splitbins(t):
    """The shift and two arrays that store `t` in the fewest bytes (CPython's
    `splitbins`): t[i] == index2[(index1[i >> shift] << shift) + (i & mask)]."""
    best = None
    for shift in range(1, 13):
        size = 1 << shift
        index1, index2, seen = [], [], {}
        for start in range(0, len(t), size):
            block = tuple(t[start:start + size])
            if len(block) < size:
                block = block + (0,) * (size - len(block))
            pos = seen.get(block)
            if pos is None:
                pos = len(index2) >> shift
                seen[block] = pos
                index2.extend(block)
            index1.append(pos)
        nbytes = len(index1) * int_type(index1)[1] + len(index2) * int_type(index2)[1]
        if best is None or nbytes < best[0]:
            best = (nbytes, shift, index1, index2)
    _, shift, index1, index2 = best
    mask = (1 << shift) - 1
    for i in range(0, len(t), 997):
        assert index2[(index1[i >> shift] << shift) + (i & mask)] == t[i]
    return shift, index1, index2


def rust_two_level(out, prefix, t, doc):
    shift, index1, index2 = splitbins(t)
    out.append(f"pub const {prefix}_SHIFT: u32 = {shift};")
    out.append("")
    rust_array(out, f"{prefix}_INDEX1", index1, f"{doc}: the block of `cp >> {prefix}_SHIFT`.")
    rust_array(out, f"{prefix}_INDEX2", index2, f"{doc}: the blocks, stored once each.")


# --- Records ---------------------------------------------------------------------------

def quickcheck():
    """The four normalization quick-check values of every code point, packed as in
    CPython (bits 0-1 NFD_QC, 2-3 NFKD_QC, 4-5 NFC_QC, 6-7 NFKC_QC; 0 yes, 1 maybe,
    2 no), derived from the host's normalize:
    - NFD_QC and NFKD_QC are No exactly for characters that decompose;
    - NFC_QC and NFKC_QC are No exactly when normalizing the character alone changes
      it (Full_Composition_Exclusion, and for NFKC the compatibility decompositions);
    - they are Maybe for characters that can be the second of a primary composite's
      pair, including the Hangul vowel and trailing jamo."""
    maybe = set(range(VBASE, VBASE + VCOUNT)) | set(range(TBASE + 1, TBASE + TCOUNT))
    for a, b, c in compositions():
        maybe.add(b)
    qc = [0] * MAX
    for cp in range(MAX):
        s = chr(cp)
        v = 0
        if unicodedata.normalize("NFD", s) != s:
            v |= 2
        if unicodedata.normalize("NFKD", s) != s:
            v |= 2 << 2
        if unicodedata.normalize("NFC", s) != s:
            v |= 2 << 4
        elif cp in maybe:
            v |= 1 << 4
        if unicodedata.normalize("NFKC", s) != s:
            v |= 2 << 6
        elif cp in maybe:
            v |= 1 << 6
        qc[cp] = v
    return qc


_COMPOSITIONS = None


def compositions():
    """(first, second, composite) for every primary composite: a canonical
    decomposition into two characters that NFC does not exclude."""
    global _COMPOSITIONS
    if _COMPOSITIONS is None:
        pairs = []
        for cp in range(MAX):
            d = unicodedata.decomposition(chr(cp))
            if not d or d.startswith("<"):
                continue
            parts = [int(x, 16) for x in d.split()]
            if len(parts) == 2 and unicodedata.normalize("NFC", chr(cp)) == chr(cp):
                pairs.append((parts[0], parts[1], cp))
        pairs.sort()
        _COMPOSITIONS = pairs
    return _COMPOSITIONS


def records():
    qc = quickcheck()
    table = []
    index = {}
    per_cp = [0] * MAX
    blank = (0, 0, 0, 0, EASTASIANWIDTH_NAMES.index("N"), 0)
    table.append(blank)
    index[blank] = 0
    for cp in range(MAX):
        s = chr(cp)
        rec = (
            CATEGORY_NAMES.index(unicodedata.category(s)),
            unicodedata.combining(s),
            BIDIRECTIONAL_NAMES.index(unicodedata.bidirectional(s)),
            unicodedata.mirrored(s),
            EASTASIANWIDTH_NAMES.index(unicodedata.east_asian_width(s)),
            qc[cp],
        )
        i = index.get(rec)
        if i is None:
            i = index[rec] = len(table)
            table.append(rec)
        per_cp[cp] = i
    return table, per_cp


def decompositions():
    prefixes = [""]
    data = [0]  # offset 0 means "no decomposition"
    per_cp = [0] * MAX
    seen = {}
    for cp in range(MAX):
        d = unicodedata.decomposition(chr(cp))
        if not d:
            continue
        parts = d.split()
        prefix = ""
        if parts[0].startswith("<"):
            prefix = parts.pop(0)
        if prefix not in prefixes:
            prefixes.append(prefix)
        entry = (prefixes.index(prefix) | (len(parts) << 8),) + tuple(int(x, 16) for x in parts)
        off = seen.get(entry)
        if off is None:
            off = seen[entry] = len(data)
            data.extend(entry)
        per_cp[cp] = off
    return prefixes, data, per_cp


# --- Unicode 3.2.0 ---------------------------------------------------------------------

def change_records():
    """CPython's `change_record`s: how `ucd_3_2_0` differs from the current data.
    0xFF (for numeric 0.0) means unchanged; category_changed 0 means "unassigned in
    3.2.0"; decimal_changed 0xFE means "not a decimal in 3.2.0"; numeric_changed -1.0
    means "not numeric in 3.2.0"."""
    blank = (0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0.0)
    table = [blank]
    index = {blank: 0}
    per_cp = [0] * MAX
    for cp in range(MAX):
        s = chr(cp)
        old_cat, new_cat = UCD32.category(s), unicodedata.category(s)
        if old_cat == "Cn" and new_cat != "Cn":
            rec = (0, 0xFF, 0xFF, 0xFF, 0xFF, 0.0)
        else:
            cat = 0xFF if old_cat == new_cat else CATEGORY_NAMES.index(old_cat)
            ob, nb = UCD32.bidirectional(s), unicodedata.bidirectional(s)
            bidir = 0xFF if ob == nb else BIDIRECTIONAL_NAMES.index(ob)
            od, nd = UCD32.decimal(s, None), unicodedata.decimal(s, None)
            dec = 0xFF if od == nd else (0xFE if od is None else od)
            om, nm = UCD32.mirrored(s), unicodedata.mirrored(s)
            mir = 0xFF if om == nm else om
            ow, nw = UCD32.east_asian_width(s), unicodedata.east_asian_width(s)
            eaw = 0xFF if ow == nw else EASTASIANWIDTH_NAMES.index(ow)
            on, nn = UCD32.numeric(s, None), unicodedata.numeric(s, None)
            num = 0.0 if on == nn else (-1.0 if on is None else float(on))
            assert on == nn or on != 0.0
            rec = (cat, bidir, dec, mir, eaw, num)
        i = index.get(rec)
        if i is None:
            i = index[rec] = len(table)
            table.append(rec)
        per_cp[cp] = i
    return table, per_cp


def nfd(s, decomp, records_of, old=None, corrections=None):
    """CPython's `nfd_nfkd` (NFD only), to find the 3.2.0 normalization corrections."""
    out = []
    for ch in s:
        stack = [ord(ch)]
        while stack:
            code = stack.pop()
            if SBASE <= code < SBASE + SCOUNT:
                out.append(chr(code))
                continue
            if corrections is not None and code in corrections:
                stack.append(corrections[code])
                continue
            d = unicodedata.decomposition(chr(code))
            if old is not None and old(code):
                d = ""
            if not d or d.startswith("<"):
                out.append(chr(code))
                continue
            stack.extend(reversed([int(x, 16) for x in d.split()]))
    return "".join(out)


def normalization_corrections(change_table, change_index):
    """The characters whose 3.2.0 decomposition was corrected later
    (NormalizationCorrections.txt): under `ucd_3_2_0` they decompose to the one
    character stored here."""
    def unassigned(code):
        return change_table[change_index[code]][0] == 0

    found = {}
    for cp in range(MAX):
        s = chr(cp)
        if unassigned(cp) or SBASE <= cp < SBASE + SCOUNT:
            continue
        want = UCD32.normalize("NFD", s)
        got = nfd(s, None, None, unassigned)
        if got != want:
            assert len(want) == 1, (hex(cp), want)
            found[cp] = ord(want)
    for cp, v in found.items():
        assert nfd(chr(cp), None, None, unassigned, found) == UCD32.normalize("NFD", chr(cp))
    return sorted(found.items())


def check_3_2_0(change_table, change_index):
    """Replay CPython's `ucd_3_2_0` functions on the change records and compare them
    with the host for every code point."""
    for cp in range(MAX):
        s = chr(cp)
        old = change_table[change_index[cp]]
        cat, bidir, dec, mir, eaw, num = old
        if cat == 0:
            want = ("Cn", "", 0, 0, "F", None, None, "", None)
        else:
            want = (
                unicodedata.category(s) if cat == 0xFF else CATEGORY_NAMES[cat],
                unicodedata.bidirectional(s) if bidir == 0xFF else BIDIRECTIONAL_NAMES[bidir],
                unicodedata.combining(s),
                unicodedata.mirrored(s) if mir == 0xFF else mir,
                unicodedata.east_asian_width(s) if eaw == 0xFF else EASTASIANWIDTH_NAMES[eaw],
                unicodedata.decimal(s, None) if dec == 0xFF else (None if dec == 0xFE else dec),
                unicodedata.numeric(s, None) if num == 0.0 else (None if num == -1.0 else num),
                unicodedata.decomposition(s),
                unicodedata.name(s, None),
            )
        got = (UCD32.category(s), UCD32.bidirectional(s), UCD32.combining(s), UCD32.mirrored(s),
               UCD32.east_asian_width(s), UCD32.decimal(s, None), UCD32.numeric(s, None),
               UCD32.decomposition(s), UCD32.name(s, None))
        assert got == want, (hex(cp), got, want)


# --- Names -----------------------------------------------------------------------------

def tokens(name):
    """A name as lexicon words: split at spaces, and after each hyphen inside a word
    (`O-E` is `O-` and `E`). A word that ends in a hyphen keeps the space after it
    (`TIBETAN MARK BKA- SHOG YIG MGO` has the word `BKA- `)."""
    out = []
    words = name.split(" ")
    for i, word in enumerate(words):
        pieces = re.findall(r"[^-]*-|[^-]+", word)
        if word.endswith("-") and i + 1 < len(words):
            pieces[-1] += " "
        out.extend(pieces)
    return out


def join_tokens(toks):
    """Decoding: a space between words, except after one that ends in `-` or ` `."""
    s = ""
    for i, t in enumerate(toks):
        if i and not toks[i - 1].endswith(("-", " ")):
            s += " "
        s += t
    return s


def names_tables(aliases_path, sequences_path):
    names = {}
    ideographs = []
    for cp in range(MAX):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n == f"CJK UNIFIED IDEOGRAPH-{cp:X}":
            ideographs.append(cp)
            continue
        if SBASE <= cp < SBASE + SCOUNT:
            continue
        names[cp] = n

    aliases = []
    with open(aliases_path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            cp, alias, _kind = line.split(";")
            cp = int(cp, 16)
            try:
                if unicodedata.lookup(alias) == chr(cp):
                    aliases.append((alias, cp))
            except KeyError:
                pass
    sequences = []
    with open(sequences_path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            name, seq = line.split(";")
            seq = "".join(chr(int(x, 16)) for x in seq.split())
            try:
                if unicodedata.lookup(name) == seq:
                    sequences.append((name, seq))
            except KeyError:
                pass
    print(f"{len(aliases)} aliases, {len(sequences)} named sequences")

    # Names in order: characters by code point, then aliases, then named sequences.
    all_names = [names[cp] for cp in sorted(names)] + [a for a, _ in aliases] + [n for n, _ in sequences]
    assert len(all_names) < 0xFFFF
    for n in all_names:
        assert join_tokens(tokens(n)) == n, n

    # Words by frequency, the most frequent with one-byte codes.
    freq = {}
    for n in all_names:
        for t in tokens(n):
            freq[t] = freq.get(t, 0) + 1
    words = sorted(freq, key=lambda w: (-freq[w], w))
    # Byte 0 ends a name; 1..SHORT-1 are one-byte codes; SHORT.. start two-byte codes.
    short = 256
    while (short - 1) + (256 - short) * 256 < len(words):
        short -= 1
    # Choose the largest SHORT that still leaves room for every word.
    code_of = {}
    for i, w in enumerate(words):
        code_of[w] = i
    lexicon = bytearray()
    lexicon_offset = []
    for w in words:
        lexicon_offset.append(len(lexicon))
        b = w.encode("ascii")
        lexicon += b[:-1] + bytes([b[-1] | 0x80])

    def encode(i):
        if i < short - 1:
            return bytes([i + 1])
        j = i - (short - 1)
        return bytes([short + (j >> 8), j & 0xFF])

    phrasebook = bytearray()
    checkpoints = []
    for k, n in enumerate(all_names):
        if k % 32 == 0:
            checkpoints.append(len(phrasebook))
        for t in tokens(n):
            phrasebook += encode(code_of[t])
        phrasebook.append(0)

    # Runs of consecutive named characters: (first code point, its name's ordinal).
    runs = []
    ordinal = 0
    prev = -2
    for cp in sorted(names):
        if cp != prev + 1:
            runs.append((cp, ordinal))
        prev = cp
        ordinal += 1
    ideo_ranges = []
    prev = -2
    for cp in ideographs:
        if cp != prev + 1:
            ideo_ranges.append([cp, cp])
        else:
            ideo_ranges[-1][1] = cp
        prev = cp
    return dict(
        count=len(names), short=short, lexicon=bytes(lexicon), lexicon_offset=lexicon_offset,
        phrasebook=bytes(phrasebook), checkpoints=checkpoints, runs=runs, aliases=aliases,
        sequences=sequences, ideographs=ideo_ranges, longest=max(len(n) for n in all_names),
    )


def write_names(path, t):
    out = [
        "//! Character names, name aliases and named sequences of Unicode "
        f"{unicodedata.unidata_version}.",
        "//! Plays the part of CPython's Modules/unicodename_db.h (CPython 3.11). Generated by",
        "//! tools/gen_unicodedata.py from the host python3; do not edit by hand.",
        "//!",
        "//! A name is a run of lexicon words, each coded in one byte (1..PHRASEBOOK_SHORT-1)",
        "//! or two (a first byte from PHRASEBOOK_SHORT), ended by a 0 byte. Words split",
        "//! names at spaces and after hyphens; a word ending in `-` is not followed by a",
        "//! space. Names are numbered: the named characters in code point order (found",
        "//! through NAME_RUNS), then the aliases, then the named sequences; the phrasebook",
        "//! offset of every 32nd name is in PHRASEBOOK_CHECKPOINTS. Hangul syllables and",
        "//! CJK unified ideographs are named by rule, as in CPython.",
        "",
        f"/// Every name in the database is at most this long (CPython's NAME_MAXLEN is 256).",
        f"pub const LONGEST_NAME: usize = {t['longest']};",
        "/// How many characters have a stored name (the ordinals before the aliases).",
        f"pub const NAMED_CHARACTERS: usize = {t['count']};",
        "/// The first byte of a two-byte word code.",
        f"pub const PHRASEBOOK_SHORT: u8 = {t['short']};",
        "",
    ]
    rust_bytes(out, "LEXICON", t["lexicon"], "The words of all names; the last letter of each has bit 7 set.")
    rust_array(out, "LEXICON_OFFSET", t["lexicon_offset"], "Where each word starts in LEXICON.")
    rust_bytes(out, "PHRASEBOOK", t["phrasebook"], "Every name as word codes, each ended by 0.")
    rust_array(out, "PHRASEBOOK_CHECKPOINTS", t["checkpoints"], "The phrasebook offset of names 0, 32, 64, ...")
    rust_array(out, "NAME_RUNS_START", [a for a, _ in t["runs"]], "The first code point of each run of named characters.")
    rust_array(out, "NAME_RUNS_ORDINAL", [b for _, b in t["runs"]], "The ordinal of the name of each run's first character.")
    rust_array(out, "NAME_ALIASES", [cp for _, cp in t["aliases"]], "The character each alias names (NameAliases.txt), by alias ordinal.")
    seq_data = []
    seq_start = []
    for _, seq in t["sequences"]:
        seq_start.append(len(seq_data))
        seq_data.extend(ord(c) for c in seq)
    seq_start.append(len(seq_data))
    rust_array(out, "NAMED_SEQUENCES_START", seq_start, "Where each named sequence starts in NAMED_SEQUENCES_DATA (and one past the last).")
    rust_array(out, "NAMED_SEQUENCES_DATA", seq_data, "The characters of the named sequences (NamedSequences.txt).")
    out.append("/// The CJK unified ideographs, named `CJK UNIFIED IDEOGRAPH-<hex>` by rule.")
    out.append("pub static UNIFIED_IDEOGRAPHS: [(u32, u32); %d] = [" % len(t["ideographs"]))
    for a, b in t["ideographs"]:
        out.append(f"    (0x{a:X}, 0x{b:X}),")
    out.append("];")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def write_data(path):
    rec_table, rec_index = records()
    prefixes, decomp_data, decomp_index = decompositions()
    comps = compositions()
    chg_table, chg_index = change_records()
    check_3_2_0(chg_table, chg_index)
    corrections = normalization_corrections(chg_table, chg_index)
    out = [
        f"//! Character properties, decompositions and compositions of Unicode {unicodedata.unidata_version},",
        "//! and the changes back to Unicode 3.2.0. Plays the part of CPython's",
        "//! Modules/unicodedata_db.h (CPython 3.11). Generated by tools/gen_unicodedata.py from",
        "//! the host python3; do not edit by hand.",
        "",
        "#![allow(clippy::unreadable_literal, clippy::excessive_precision)]",
        "",
        f"pub const UNIDATA_VERSION: &str = \"{unicodedata.unidata_version}\";",
        "",
        "/// `_PyUnicode_CategoryNames`.",
        "pub static CATEGORY_NAMES: [&str; %d] = [%s];" % (len(CATEGORY_NAMES), ", ".join(f'"{n}"' for n in CATEGORY_NAMES)),
        "/// `_PyUnicode_BidirectionalNames`.",
        "pub static BIDIRECTIONAL_NAMES: [&str; %d] = [%s];" % (len(BIDIRECTIONAL_NAMES), ", ".join(f'"{n}"' for n in BIDIRECTIONAL_NAMES)),
        "/// `_PyUnicode_EastAsianWidthNames`.",
        "pub static EASTASIANWIDTH_NAMES: [&str; %d] = [%s];" % (len(EASTASIANWIDTH_NAMES), ", ".join(f'"{n}"' for n in EASTASIANWIDTH_NAMES)),
        "/// The decomposition tags (`decomp_prefix`).",
        "pub static DECOMP_PREFIX: [&str; %d] = [%s];" % (len(prefixes), ", ".join(f'"{n}"' for n in prefixes)),
        "",
        "/// `_PyUnicode_DatabaseRecord`.",
        "pub struct DatabaseRecord {",
        "    pub category: u8,",
        "    pub combining: u8,",
        "    pub bidirectional: u8,",
        "    pub mirrored: u8,",
        "    pub east_asian_width: u8,",
        "    /// NFD_QC, NFKD_QC, NFC_QC, NFKC_QC in bits 0-1, 2-3, 4-5, 6-7 (0 yes,",
        "    /// 1 maybe, 2 no).",
        "    pub normalization_quick_check: u8,",
        "}",
        "",
        "/// `_PyUnicode_Database_Records`, indexed through RECORD_INDEX1/2.",
        "#[rustfmt::skip]",
        "pub static DATABASE_RECORDS: [DatabaseRecord; %d] = [" % len(rec_table),
    ]
    for r in rec_table:
        out.append("    DatabaseRecord { category: %d, combining: %d, bidirectional: %d, mirrored: %d, east_asian_width: %d, normalization_quick_check: %d }," % r)
    out.append("];")
    out.append("")
    rust_two_level(out, "RECORD", rec_index, "The record of each code point")
    rust_array(out, "DECOMP_DATA", decomp_data,
               "Decompositions: a header (tag index | count << 8), then the code points.")
    rust_two_level(out, "DECOMP", decomp_index, "The DECOMP_DATA offset of each code point (0: none)")
    out.append("/// The primary composites: (first, second, composite), sorted.")
    out.append("#[rustfmt::skip]")
    out.append("pub static COMPOSITIONS: [(u32, u32, u32); %d] = [" % len(comps))
    for a, b, c in comps:
        out.append(f"    (0x{a:X}, 0x{b:X}, 0x{c:X}),")
    out.append("];")
    out.append("")
    out.append("/// `change_record`: how Unicode 3.2.0 differs. 0xFF means unchanged; a")
    out.append("/// category_changed of 0 means unassigned in 3.2.0; a decimal_changed of 0xFE")
    out.append("/// means not a decimal; numeric_changed 0.0 means unchanged, -1.0 not numeric.")
    out.append("pub struct ChangeRecord {")
    for f in ("bidir_changed", "category_changed", "decimal_changed", "mirrored_changed", "east_asian_width_changed"):
        out.append(f"    pub {f}: u8,")
    out.append("    pub numeric_changed: f64,")
    out.append("}")
    out.append("")
    out.append("/// The 3.2.0 change records, indexed through CHANGES_3_2_0_INDEX1/2.")
    out.append("#[rustfmt::skip]")
    out.append("pub static CHANGE_RECORDS_3_2_0: [ChangeRecord; %d] = [" % len(chg_table))
    for cat, bidir, dec, mir, eaw, num in chg_table:
        out.append(f"    ChangeRecord {{ bidir_changed: {bidir}, category_changed: {cat}, decimal_changed: {dec}, mirrored_changed: {mir}, east_asian_width_changed: {eaw}, numeric_changed: {num!r} }},")
    out.append("];")
    out.append("")
    rust_two_level(out, "CHANGES_3_2_0", chg_index, "The 3.2.0 change record of each code point")
    out.append("/// `normalization_3_2_0`: characters that decompose to another one in 3.2.0")
    out.append("/// (NormalizationCorrections.txt).")
    out.append("pub static NORMALIZATION_3_2_0: [(u32, u32); %d] = [" % len(corrections))
    for a, b in corrections:
        out.append(f"    (0x{a:X}, 0x{b:X}),")
    out.append("];")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aliases", default=find_default([
        os.path.expanduser("~/.cargo/registry/src/*/unicode_names2-*/data/NameAliases.txt"),
        "/usr/share/unicode/NameAliases.txt",
    ]))
    ap.add_argument("--sequences", default=find_default([
        "/usr/share/perl/*/unicore/NamedSequences.txt",
        "/usr/share/unicode/NamedSequences.txt",
    ]))
    ap.add_argument("--out", default="objects/src")
    args = ap.parse_args()
    if not args.aliases or not args.sequences:
        sys.exit("NameAliases.txt and NamedSequences.txt are needed: pass --aliases and --sequences")
    assert unicodedata.unidata_version == "14.0.0"
    write_names(os.path.join(args.out, "unicodename_db.rs"), names_tables(args.aliases, args.sequences))
    write_data(os.path.join(args.out, "unicodedata_db.rs"))


if __name__ == "__main__":
    main()
