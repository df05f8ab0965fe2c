"""Keyword-only and positional-only parameters and the errors for misuse."""
def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)
print(f(1, 2, 3, e=5), f(1, 2, c=3, e=5, d=0), f(1, 2, 3, 4, e=5, f=7))
def po(x, /, **kw):
    return x, kw
print(po(1, x=2))
tests = [
    "f(1, b=2, c=3, e=5)",
    "f(1, 2, 3, 4, 5)",
    "f(1, 2, 3)",
    "f(a=1, b=2, c=3, e=4)",
    "f(1, 2, 3, e=5, g=1)",
    "f(1, 2, 3, 4, 5, 6, e=1)",
    "f(1, 2, c=3, c=4)",
]
for t in tests:
    try:
        print(eval(t))
    except (TypeError, SyntaxError) as e:
        print(t, "->", type(e).__name__, e)
def star(*, only):
    return only
for t in ["star(1)", "star()", "star(only=1, other=2)"]:
    try:
        print(eval(t))
    except TypeError as e:
        print(t, "->", type(e).__name__, e)
def onlypos(a, b, /):
    return a + b
for t in ["onlypos(1, 2)", "onlypos(1, b=2)", "onlypos(a=1, b=2)", "onlypos()"]:
    try:
        print(eval(t))
    except TypeError as e:
        print(t, "->", type(e).__name__, e)
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
