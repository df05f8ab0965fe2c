"""Text processing: string methods, comprehensions, sorting by multiple keys, generators, str.format alignment."""
TEXT = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! Foxes and dogs: are they friends? Perhaps, perhaps not.
Numbers like 42 and 3.14 appear too, as do CamelCase and snake_case words."""
def words(text):
    word = []
    for ch in text:
        if ch.isalnum() or ch in "_'":
            word.append(ch)
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)
ws = list(words(TEXT))
print(len(ws), ws[:5], ws[-3:])
freq = {}
for w in ws:
    key = w.lower()
    freq[key] = freq.get(key, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(f"{word:>8} | {'#' * n:<5} | {n:3d}")
lengths = {}
for w in set(x.lower() for x in ws):
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
sentences = [s.strip() for s in TEXT.replace("!", ".").replace("?", ".").split(".") if s.strip()]
print(len(sentences), [len(s.split()) for s in sentences])
print(TEXT.count("the"), TEXT.lower().count("the"), TEXT.find("fox"), TEXT.rfind("fox"), TEXT.index("dog"))
print([w for w in ws if w.isdigit()], [w for w in ws if w.istitle()][:4], [w for w in ws if "_" in w])
caps = "".join(w[0].upper() for w in ws if w.isalpha())
print(caps[:20], caps.isupper(), caps.swapcase()[:10])
print("|".join(f"{w:^7}" for w in ["a", "bb", "ccc"]), "{:*^20}".format(" title "))
print(TEXT.splitlines()[1].title(), TEXT.split("\n")[0].split(" ", 3))
table = str.maketrans("aeiou", "AEIOU", ".,;!?")
print(TEXT.splitlines()[0].translate(table))
print(" ".join(reversed(ws[:6])), "-".join(sorted(set(ws[:10]), key=str.lower)))
acronym = lambda s: "".join(p[0] for p in s.split())
print(acronym("portable network graphics").upper(), "snake_case_word".split("_"), "CamelCaseWord".lower())
print(sum(len(w) for w in ws) / len(ws), max(ws, key=len), min(ws, key=lambda w: (len(w), w)))
