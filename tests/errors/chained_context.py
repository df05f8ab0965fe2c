"""Uncaught exception raised while handling another: "During handling of the above exception"."""
def parse(s):
    try:
        return int(s)
    except ValueError:
        return undefined_fallback(s)
parse("x")
