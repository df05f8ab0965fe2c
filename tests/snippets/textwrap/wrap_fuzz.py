# Wrapping many generated texts with every option: the chunking regexes and the
# line-filling loop must give exactly CPython's lines.
import textwrap

WORDS = ["a", "Look,", "goof-ball", "--", "-b", "option!", "x-y-z", "well-known",
         "e.g.", "Mr.", "end.", "quote.'", "\t", "\n", "  ", "supercalifragilistic",
         "a--b", "---", "über-cool", "3-4", "re-re-re", "...", "foo--bar", "ab-",
         "-", "über", "x\ty", "Hello", "world!", "wie?", "\x0b", "longword-with-hyphens"]

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % n

def text():
    parts = []
    for _ in range(rand(25) + 1):
        parts.append(WORDS[rand(len(WORDS))])
        parts.append([" ", "", "  ", "\n"][rand(4)])
    return "".join(parts)

results = []
for i in range(300):
    t = text()
    kw = {}
    kw["width"] = rand(30) + 1
    if rand(2): kw["break_on_hyphens"] = False
    if rand(3) == 0: kw["break_long_words"] = False
    if rand(3) == 0: kw["drop_whitespace"] = False
    if rand(3) == 0: kw["fix_sentence_endings"] = True
    if rand(4) == 0: kw["expand_tabs"] = False
    if rand(4) == 0: kw["replace_whitespace"] = False
    if rand(4) == 0: kw["tabsize"] = rand(5)
    if rand(3) == 0: kw["initial_indent"] = "* " if rand(2) else ">>>>"
    if rand(3) == 0: kw["subsequent_indent"] = "  " if rand(2) else ""
    if rand(3) == 0:
        kw["max_lines"] = rand(4) + 1
        if rand(2): kw["placeholder"] = [" ...", "~", " [more]"][rand(3)]
    try:
        out = textwrap.wrap(t, **kw)
    except ValueError as e:
        out = "ValueError: %s" % e
    print(i, repr(t), sorted(kw.items()), out)

for i in range(60):
    t = text()
    w = rand(40) + 1
    try:
        print("shorten", w, repr(textwrap.shorten(t, w)))
    except ValueError as e:
        print("shorten", w, "ValueError:", e)
