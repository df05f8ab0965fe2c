"""A run-time error inside an f-string expression: the traceback points at the
expression inside the string."""
def ratio(a, b):
    return f"""{a} / {b} = {a /
 b:.2f}"""

print(ratio(1, 2))
print(f"value: {ratio(1, 0)!r:>20}")
