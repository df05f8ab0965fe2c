"""Uncaught exception raised with 'from None' hides the context."""
try:
    [][0]
except IndexError:
    raise LookupError("nothing there") from None
