"""Numeric builtins: abs, divmod, pow (3-arg, negative), round (ndigits, banker's), int/float parsing."""
print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-(10 ** 30)), abs(3 + 4j))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(-2, 3, 5), pow(3, -1, 7), pow(2.0, 3), pow(0, 0))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 2, 5), (2, 1.5, 3)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1234, -2), round(1250, -2))
print(round(3.14159, 3), round(7), type(round(7.0)).__name__, type(round(7.0, 0)).__name__, round(-0.4))
print(int("42"), int(" -42 "), int("0x1f", 16), int("1f", 16), int("0b101", 0), int("z", 36), int("1_000"), int(3.9), int(-3.9), int(True))
for bad in ["", "4.5", "1__0", "abc", "0x"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("10", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
print(float("1.5"), float(" -2e3 "), float("inf"), float("-Infinity"), float("nan"), float(7), float("1_0.5"))
try:
    float("x1")
except ValueError as e:
    print(type(e).__name__, e)
print(hash(1), hash(-1), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30), hash(-2), hash(True), hash(1.0) == hash(1))
print(bin(10), bin(-10), hex(255), hex(-255), oct(8), oct(-8), bin(0), hex(2 ** 70))
print(chr(65), chr(0x263A), ord("a"), ord("€"), chr(0), repr(chr(127)))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: hex(1.5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), 10), sum([], 5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
print(min(3, 1, 2), max([3, 1, 2]), min("bca"), max("a", "B"), min([], default="empty"), max([1, -5], key=abs))
print(min([(1, "b"), (1, "a")]), max([], key=len, default=None), min(4, 2, key=lambda x: -x))
for bad in [lambda: min([]), lambda: max(), lambda: min(1), lambda: max(1, 2, default=0)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
