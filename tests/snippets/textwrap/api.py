import textwrap
print(textwrap.__name__, textwrap.__all__)
print(textwrap.dedent("    a\n      b\n\n    c\n"))
print(repr(textwrap.dedent("  \ta\n  \tb\n  x\n")))
print(repr(textwrap.dedent("\ta\n    b\n")))
print(repr(textwrap.dedent("   \n  a\n   \n  b")))
print(repr(textwrap.indent("a\n\n  \nb\n", "> ")))
print(repr(textwrap.indent("a\nb\n", "+", lambda l: l.startswith("b"))))
print(repr(textwrap.indent("a\r\nb\rc", "|")))
print(textwrap.fill("The quick brown fox jumps over the lazy dog. " * 4, 30,
                    initial_indent="- ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world!", width=10, placeholder="..."))
w = textwrap.TextWrapper(width=20, max_lines=2)
print(w.wrap("one two three four five six seven eight nine"))
print(w._split("Look, goof-ball -- use the -b option!"))
w.break_on_hyphens = False
print(w._split("Look, goof-ball -- use the -b option!"))
print(w._munge_whitespace(" foo\tbar\n\nbaz"))
chunks = ["foo.", " ", "Bar", " ", "x!\"", " ", "y"]
w._fix_sentence_endings(chunks)
print(chunks)
for bad in [dict(width=0), dict(width=-3), dict(width=5, max_lines=1, placeholder=" [truncated...]"),
            dict(width=6, max_lines=2, subsequent_indent="    ", placeholder="..")]:
    try:
        print(textwrap.wrap("hello world foo", **bad))
    except ValueError as e:
        print("ValueError:", e)
print(textwrap.wrap("", 10), textwrap.fill("   ", 10) == "")
print(textwrap.wrap("   abc   def  ", 5, drop_whitespace=False))
print(textwrap.wrap("x" * 25, 10), textwrap.wrap("x" * 25, 10, break_long_words=False))
print(textwrap.wrap("aaaa-bbbb-cccc-dddd", 7), textwrap.wrap("----aaaa", 3))
print(textwrap.wrap("abc", 3, initial_indent="xxxx"))
for attr in ["width", "initial_indent", "subsequent_indent", "expand_tabs",
             "replace_whitespace", "fix_sentence_endings", "break_long_words",
             "drop_whitespace", "break_on_hyphens", "tabsize", "max_lines", "placeholder"]:
    print(attr, repr(getattr(textwrap.TextWrapper(), attr)))
try:
    textwrap.TextWrapper(10, "", "", True, True, False, True, True, True, 8, 3)
except TypeError as e:
    print("TypeError:", e)
