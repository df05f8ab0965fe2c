"""Traceback from inside a generator expression consumed by sum()."""
values = [1, 2, 3]
total = sum(v * w for v, w in zip(values, [1, 2, None]))
