# Indentation measured as CPython's tokenizer does: a tab moves to the next
# multiple of 8 columns, and two lines must order the same way when a tab counts
# as one column, else TabError. Tabs after spaces are fine when consistent.
programs = [
    "if 1:\n    \tx = 1\nprint(x)\n",
    "if 1:\n  \tx = 1\n  \ty = 2\nprint(x, y)\n",
    "if 1:\n\tif 1:\n\t    z = 3\nprint(z)\n",
    "if 1:\n        x = 1\n\ty = 2\n",
    "if 1:\n\tx = 1\n        y = 2\n",
    "def f():\n \tif 1:\n \t\tx = 1\n\ty=2\n",
    "if 1:\n  \tx = 1\n\t  y = 2\n",
    "if 1:\n    x = 1\n  y = 2\n",
    "if 1:\n\x0c    x = 5\nprint(x)\n",
]
for src in programs:
    try:
        exec(compile(src, "<tabs>", "exec"), {})
    except SyntaxError as e:
        print(type(e).__name__, e.msg, (e.lineno, e.offset), repr(e.text))
