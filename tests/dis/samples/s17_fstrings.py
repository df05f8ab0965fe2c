"""f-strings: conversions, format specs, nesting, debugging '='."""


def conversions(x):
    return f"{x} {x!s} {x!r} {x!a}"


def specs(x, width, precision):
    return f"{x:>10} {x:{width}.{precision}f} {x!r:^{width}} {x=}"


def concat(a, b):
    return f"{a}-{b}" + f"{a!r:{b}}" + "plain"


def nested_quotes(d):
    return f"{d['key']} {'inner'} {len(d):03d}"


def bytes_and_str():
    return b"bytes", "str", rb"\d", "\u00e9"


def warmup():
    conversions("é")
    specs(3.14159, 8, 2)
    concat(1, 2)
