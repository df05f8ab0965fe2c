"""Constants of every type the compiler stores in co_consts."""


def numbers():
    return 0, -1, 1.5, -0.0, 1e300, 2 ** 100, 3j, -2.5j, 0x7fffffff, float("inf")


def strings():
    return "", "it's", 'say "hi"', "tab\tnewline\n", "\x00\x7f", "ünïcödé", "\U0001f600"


def others():
    return None, True, False, ..., b"\x00bytes\xff", (1, ("nested", None)), frozenset()


def in_set(x):
    # A constant set after `in` becomes a frozenset constant.
    return x in {1, 2, 3}, x in [4, 5], x in ("a", "b")


def docstring_only():
    """Only a docstring."""


def warmup():
    numbers()
    in_set(2)
