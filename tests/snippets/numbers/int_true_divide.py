# int / int is correctly rounded, even for huge operands.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
pairs = [(1, 3), (2, 3), (-7, 2), (10 ** 20, 3), (2 ** 53 + 1, 1), (2 ** 53 + 3, 2),
         (10 ** 400, 10 ** 399), (1, 10 ** 400), (-1, 10 ** 300), (2 ** 1074, 2 ** 2148),
         (3 * 2 ** 1000, 2 ** 2074), (10 ** 308 * 17, 10), (2 ** 64 - 1, 2 ** 64 + 1),
         (123456789012345678901234567890, 987654321), (-(2 ** 1023) * 3, 2)]
for a, b in pairs:
    attempt(lambda: a / b)
attempt(lambda: (10 ** 400) / 1)
attempt(lambda: (10 ** 400) / 3)
attempt(lambda: 2 ** 1024 / 1)
attempt(lambda: (2 ** 1024 - 1) / 1)
attempt(lambda: 1 / 0)
attempt(lambda: (10 ** 400) / 0)
attempt(lambda: (10 ** 400) / 1.0)
attempt(lambda: 1.0 / (10 ** 400))
attempt(lambda: (10 ** 400) * 1.0)
attempt(lambda: (10 ** 400) + 0.5)
