"""Traceback from inside a dict comprehension (<dictcomp> frame)."""
x = [i for i in range(3)]
y = {k: 1 / (k - 2) for k in x}
