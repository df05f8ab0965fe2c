"""print(): sep, end, flush, multiple args, empty print, non-str objects, invalid sep/end types."""
print()
print(1, 2, 3)
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print("a", "b", sep=None, end=None)
print(*"xyz", sep="-")
print("flush", flush=True)
print(None, True, 1.5, [1, "a"], {"k": (1,)}, b"b", sep="|")
class S:
    def __str__(self):
        return "custom str"
print(S(), [S()][0])
for kw in ({"sep": 1}, {"end": 2}, {"bad": 1}):
    try:
        print("x", **kw)
    except TypeError as e:
        print(type(e).__name__, e)
import sys
print("to stdout", file=sys.stdout)
print("", end="")
print("multi\nline")
print("tab\tsep", "unicode é ✓")
