"""__flags__ of the static types (the valid-version-tag bit masked: it depends on lookups)."""
import sys


def walk(t, seen):
    if t not in seen:
        seen[t] = 1
        for s in type.__subclasses__(t):
            walk(s, seen)
    return seen


NAMES = set(open(__file__.replace("type_flags.py", "_type_flags_names.txt")).read().split())
rows = []
for t in walk(object, {}):
    name = t.__module__ + "." + t.__qualname__
    if name in NAMES:
        rows.append((name, hex(t.__flags__ & ~(1 << 19))))
for name, flags in sorted(rows):
    print(name, flags)
