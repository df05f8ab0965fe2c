"""Uncaught RecursionError with its repeated-line summary in the traceback."""
def descend(n):
    return descend(n + 1)
descend(0)
