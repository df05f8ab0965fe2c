# str.split() without a separator (built while scanning), with maxsplit, on the
# three string kinds; non-ASCII strings' UTF-8 form (made on first use and cached).
samples = [
    "  alpha beta\tgamma\n delta  ",
    "é ü  ß\u00a0x",
    "\u0100\u2003b  \u3000c d",
    "\U0001f600 a\u2028b \U0001f601",
    "",
    "   ",
    "one",
]
for s in samples:
    print(repr(s.split()), repr(s.split(None, 1)), repr(s.split(maxsplit=0)),
          repr(s.rsplit(None, 1)))
words = ("x " * 5000).split()
print(len(words), words[0], words[-1])
for s in ["héllo", "日本語", "a\ud800b", "\U0001f600"]:
    print(ascii(s), s.encode("utf-8", "surrogatepass"), len(s), hash(s) == hash(s + ""))
    try:
        print(s.encode())
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
    print(f"{s!a}", str(s) == s, repr(s) == repr(s))
import sys
print(str.__basicsize__, sys.getsizeof("abc"), sys.getsizeof("é"), sys.getsizeof("日"))
class S(str):
    pass
t = S("héllo wörld")
print(t.split(), type(t.split()[0]).__name__, t.upper(), t.encode())
