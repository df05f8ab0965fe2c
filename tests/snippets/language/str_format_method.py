"""str.format: positional/keyword/index/attribute fields, conversions, specs, errors."""
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[k]}".format([5, 6], {"k": "v"}), "{0.real} {0.imag}".format(3 + 4j))
print("{!r} {!s} {!a}".format("s", "s", "ñ"), "{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x} {:%}".format(3.14159, 5, 10 ** 7, 255, 0.25))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2), "{0:{1}}".format("x", 5) + "|")
print("{{}} {{{}}}".format("in braces"))
print("{:*>10}".format("pad"), "{:=+8}".format(-42), "{:#010b}".format(5))
class P:
    x = "attr"
print("{.x}".format(P()), "{0.x!r:>8}".format(P()))
for fmt, args, kw in [("{} {}", (1,), {}), ("{0} {}", (1, 2), {}), ("{a}", (), {}),
                      ("{", (), {}), ("}", (), {}), ("{0!z}", (1,), {}), ("{:d}", ("s",), {}),
                      ("{0[5]}", ([1],), {}), ("{0.nope}", (1,), {}), ("{:invalid}", (1,), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        print(repr(fmt), "->", type(e).__name__, e)
print("{}".format(None), "{}".format([1, 2]), "{:5}|".format(True), "{!s:>5}".format(None))
print(format(123, "x"), format(0.5, ".1%"), format("s"), format(12345.6789, ",.1f"), format(-7, "05d"))
print("{:e} {:E} {:g} {:G}".format(12345.678, 0.000012, 1e20, 1e-20))
print("{0:c}".format(65), "{:n}".format(1234))
print("{:_x} {:_b}".format(0xFFFFFF, 255))
