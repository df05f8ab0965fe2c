"""Uncaught NameError at module level for a misspelled builtin (suggestion from builtins)."""
values = [3, 1, 2]
print(sorted(values))
print(lenn(values))
