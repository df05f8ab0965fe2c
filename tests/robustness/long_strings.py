"""Very long strings and sequences: building, slicing, repeating, searching, and MemoryError/OverflowError limits."""
s = "ab" * 5_000_000
print(len(s), s[:6], s[-4:], s.count("ab"), s.find("ba"), s.rfind("abab"), "bb" in s)
t = s.replace("a", "xy")
print(len(t), t[:9])
u = "".join(str(i % 10) for i in range(1_000_000))
print(len(u), u[999_990:], u.index("90"))
parts = ("word " * 200_000).split()
print(len(parts), parts[-1])
big = "x" * 10_000_000
print(len(big.upper()), big[5_000_000:5_000_003], len(big + big))
for label, fn in [("repeat", lambda: "x" * (1 << 62)), ("list repeat", lambda: [0] * (1 << 62)),
                  ("huge repeat", lambda: "ab" * (10 ** 20))]:
    try:
        fn()
        print(label, "ok?")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__)
print(repr("\x00" * 5 + "é" * 3 + "\U0001F600"), len(repr("\n" * 100_000)))
print("survived")
