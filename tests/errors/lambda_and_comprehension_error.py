"""Traceback frames for a lambda and a list comprehension (<lambda>, <listcomp>)."""
convert = lambda s: int(s) * 2
print([convert(s) for s in ["1", "2", "x3"]])
