"""String operations as language constructs: indexing, slicing, concatenation, repetition, comparison, errors."""
s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[-5:-1], s[100:], s[3:1])
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
print("ab" + "cd", "ab" * 3, 3 * "x", "ab" * 0, "ab" * -1, "" * 100)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "é" > "z")
print(len("日本語"), "日本語"[1], "日本語"[::-1], "straße".upper(), "ǅ".lower())
print("%s|%s" % ("a", "b"), "-".join(["x", "y"]), "a,b,,c".split(","), " pad ".strip())
t = "multi\nline\ttab \\ \x41 \u00e9 \N{GREEK SMALL LETTER ALPHA}"
print(t, repr(t))
print(r"raw\n", b"bytes" + b"!", "x" "y" "z", 'single' == "single")
print(str(123) + str(4.5) + str(None) + str([1]))
