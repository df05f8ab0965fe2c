#!/usr/bin/env python3
"""Print the table of East Asian Wide (W) and Fullwidth (F) code point ranges that
python/src/traceback.rs uses to size its position markers (`_display_width`).

Run it with the host python3 3.11 (Unicode 14.0.0) and paste the output over the
`WIDE_CHARS` table.
"""
import unicodedata


def main():
    ranges = []
    start = None
    for cp in range(0x110000):
        wide = unicodedata.east_asian_width(chr(cp)) in "WF"
        if wide and start is None:
            start = cp
        elif not wide and start is not None:
            ranges.append((start, cp - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    print(f"// Unicode {unicodedata.unidata_version}: {len(ranges)} ranges.")
    print(f"static WIDE_CHARS: [(u32, u32); {len(ranges)}] = [")
    line = "   "
    for a, b in ranges:
        item = f" (0x{a:X}, 0x{b:X}),"
        if len(line) + len(item) > 116:
            print(line)
            line = "   "
        line += item
    print(line)
    print("];")


if __name__ == "__main__":
    main()
