# The range of each type code, with CPython's OverflowError messages.
import array


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


limits = {
    "b": (-128, 127),
    "B": (0, 255),
    "h": (-(1 << 15), (1 << 15) - 1),
    "H": (0, (1 << 16) - 1),
    "i": (-(1 << 31), (1 << 31) - 1),
    "I": (0, (1 << 32) - 1),
    "l": (-(1 << 63), (1 << 63) - 1),
    "L": (0, (1 << 64) - 1),
    "q": (-(1 << 63), (1 << 63) - 1),
    "Q": (0, (1 << 64) - 1),
}
for c, (lo, hi) in limits.items():
    t(c + " limits", lambda: array.array(c, [lo, hi]))
    t(c + " below", lambda: array.array(c, [lo - 1]))
    t(c + " above", lambda: array.array(c, [hi + 1]))
    t(c + " far below", lambda: array.array(c, [lo - (1 << 70)]))
    t(c + " far above", lambda: array.array(c, [hi + (1 << 70)]))
    a = array.array(c, [0])
    t(c + " setitem above", lambda: a.__setitem__(0, hi + 1))
    t(c + " append below", lambda: a.append(lo - 1))
    t(c + " after", lambda: a)
t("b via short", lambda: array.array("b", [1 << 20]))
t("b via short neg", lambda: array.array("b", [-(1 << 20)]))
t("H via int", lambda: array.array("H", [1 << 40]))
t("H via int neg", lambda: array.array("H", [-(1 << 40)]))
