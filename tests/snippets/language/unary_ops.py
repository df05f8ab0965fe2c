"""Unary operators -, +, ~, not on numbers, bools and objects with __neg__/__pos__/__invert__."""
print(-5, +5, ~5, -(-5), --5, -~5, ~-5, not 5)
print(-0.0, +(-0.0), -True, +True, ~False, -(2 ** 100), ~(2 ** 100))
print(-1j, +(1+2j))
class V:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "inv"
v = V()
print(-v, +v, ~v, not v)
for val in ("s", [1], None, 1.5):
    for op in ("-", "+", "~"):
        try:
            print(eval(op + "val"))
        except TypeError as e:
            print(type(e).__name__, e)
