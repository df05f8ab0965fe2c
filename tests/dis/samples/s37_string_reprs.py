"""Constants whose repr needs escaping or unusual quoting."""


def tricky():
    return ("'", '"', "'\"", "\\", "\r\n", "\x1b[0m", "\u2028", "\ud7ff",
            b"'", b'"', b"\\\x80", "a" * 3, "long " * 20)


def keyword_names(f):
    return f(**{"not an identifier": 1}), f(it_s=1, quote_="'")


def warmup():
    tricky()
