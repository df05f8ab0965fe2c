# Dictionaries and strings: word counting, str methods, formatting, joins, dict
# iteration and updates, set operations on keys (a text-processing workload).
WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
         "omicron pi rho sigma tau upsilon phi chi psi omega").split()


class Random:
    def __init__(self, seed):
        self.state = seed

    def randrange(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7fffffff
        return self.state % n


def make_text(rng, n):
    out = []
    for i in range(n):
        w = WORDS[rng.randrange(len(WORDS))]
        if rng.randrange(5) == 0:
            w = w.upper()
        out.append(w)
        if i % 13 == 12:
            out.append("\n")
    return " ".join(out)


def word_count(text):
    counts = {}
    for line in text.split("\n"):
        for w in line.split():
            w = w.lower().strip()
            counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(text):
    words = text.split()
    pairs = {}
    for a, b in zip(words, words[1:]):
        key = a + "_" + b
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
    return pairs


def report(counts):
    lines = []
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append("%-10s %5d %s" % (word, n, f"{n / 7:.3f}"))
    return "\n".join(lines)


def run():
    rng = Random(7)
    text = make_text(rng, 60000)
    counts = word_count(text)
    pairs = bigrams(text)
    rep = report(counts)
    inverted = {}
    for k, v in pairs.items():
        inverted.setdefault(v % 17, []).append(k)
    keys = set(counts) & {w.lower() for w in WORDS[::2]}
    caps = sum(1 for w in text.split() if w.isupper())
    merged = dict(counts)
    merged.update((k.replace("_", "-"), v) for k, v in pairs.items())
    return len(text), len(pairs), sorted(keys)[:3], caps, len(merged), hash(rep) is not None, rep[:60], \
        sum(len(v) for v in inverted.values())


for _ in range(10):
    result = run()
print(result)
