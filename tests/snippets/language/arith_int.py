"""Integer arithmetic: + - * / // % ** with signs, zero and mixed magnitudes."""
vals = [0, 1, -1, 2, -2, 7, -7, 13, -13, 255, -256, 2**31, -(2**31)]
for a in vals:
    for b in vals:
        row = [a + b, a - b, a * b]
        if b != 0:
            row += [a // b, a % b, divmod(a, b), a / b]
        print(a, b, row)
for a in (7, -7):
    for b in (0,):
        for op in ("//", "%", "/"):
            try:
                eval(f"{a} {op} {b}")
            except ZeroDivisionError as e:
                print(op, type(e).__name__, e)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -1, (-2) ** -2, 10 ** -3)
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(True + True, True * 10, False - 1, -True, ~True)
