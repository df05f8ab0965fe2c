"""SyntaxError fields (type, msg, lineno, offset, end_lineno, end_offset, text) for
the mistakes learners make, compiled from strings in exec, eval and single mode."""
CASES = [
    # expected ':'
    "if x == 1\n    pass\n",
    "while True\n    pass\n",
    "for i in range(3)\n    print(i)\n",
    "def f()\n    return 1\n",
    "def f(a, b) -> int\n    return 1\n",
    "class A\n    pass\n",
    "class A(B)\n    pass\n",
    "try\n    pass\nexcept:\n    pass\n",
    "try:\n    pass\nexcept ValueError\n    pass\n",
    "try:\n    pass\nexcept\n    pass\n",
    "if x:\n    pass\nelse\n    pass\n",
    "if x:\n    pass\nelif y\n    pass\n",
    "with open(f) as g\n    pass\n",
    "try:\n    pass\nfinally\n    pass\n",
    # indentation
    "def f():\nreturn 5\n",
    "if x:\npass\n",
    "for x in y:\n\nprint(x)\n",
    "class A:\n",
    "while x:\n",
    "try:\n    pass\nx = 1\n",
    "try:\n    pass\n",
    "  x = 1\n",
    "x = 1\n    y = 2\n",
    "if x:\n        a = 1\n    b = 2\n",
    "if x:\n\ta = 1\n        b = 2\n",
    # legacy
    "print 'hello'\n",
    "print x, y\n",
    "exec 'code'\n",
    # commas
    "[1, 2 3]\n",
    "f(a b)\n",
    "x = (1 2)\n",
    "{'a': 1 'b': 2}\n",
    "print('a' 'b' c)\n",
    "foo(x, y z)\n",
    # dict
    "x = {1: 2, 3}\n",
    "x = {'a': 1, 'b'}\n",
    "x = {'a': 1, 'b':}\n",
    "x = {'a':}\n",
    # '=' in condition
    "if x = 1:\n    pass\n",
    "while x = 1:\n    pass\n",
    "f(a + 1 = 2)\n",
    "f(True=1)\n",
    "x = 1 if y\n",
    # brackets and strings
    "x = (1, 2\n",
    "x = [1, 2)\n",
    "x = (1,\n 2]\n",
    "x = 1)\n",
    "s = 'abc\n",
    's = """abc\n',
    "x = 'a' + 'b\n",
    # characters / numbers
    "x = 1 € 2\n",
    "x\u00a0= 1\n",
    "x = 0777\n",
    "x = 1_\n",
    "x = 0b12\n",
    "x = 12abc\n",
    "x = $\n",
    # misc
    "def f(a, a): pass\n",
    "f(a=1, a=2)\n",
    "f(a=1, b)\n",
    "f(**k, *a)\n",
    "def f(a=1, b): pass\n",
    "return 1\n",
    "break\n",
    "x + 1 = 2\n",
    "f() = 1\n",
    "del f()\n",
    "for 1 in x: pass\n",
    "x = \n",
    "import\n",
    "from x import\n",
    "from x import a,\n",
    "lambda x: yield\n",
    "def f(*): pass\n",
    "a, b += 1\n",
    "x = yield = 1\n",
    "else: pass\n",
    "f(x for x in y, 1)\n",
    "[x for x in 1, 2]\n",
    "x = 5 +\n",
    "if True:\n    pass\n  else:\n    pass\n",
    "nonlocal x\n",
    "def f():\n    x = 1\n    global x\n",
    "async = 1\n",
    "class = 1\n",
    "x === 1\n",
    "x =! 1\n",
    "if x => 1: pass\n",
    "x ++ \n",
    "a = [1, 2,, 3]\n",
    "def f(x):\n\treturn x\n        pass\n",
    # f-strings
    "print(f'{x')\n",
    "f'{}'\n",
    "f'}'\n",
    "f'{a!z}'\n",
    "f'{a)}'\n",
    "f'{(a}'\n",
    "x = f'{a:{b:{c}}}'\n",
    # unclosed at the end of the input, without a final newline
    "if x:",
    "class A:",
    "try:\n    pass",
    "x = [1, 2",
]


EVAL_CASES = [" ", " 1", "1 +", "(1, 2", "[1 2]", "{1: 2, 3}", "f(a b)", "x = 1", "1 if 2", "print 1"]


def show(src, mode):
    try:
        compile(src, "<case>", mode)
        print(mode, repr(src), "ok")
    except SyntaxError as e:
        print(mode, repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset,
              e.end_lineno, e.end_offset, repr(e.text))


for src in CASES:
    show(src, "exec")
for src in EVAL_CASES:
    show(src, "eval")
for src in ["if x == 1\n", "x = (1 2)\n", "print 'hi'\n", "def f():\n", "x = {1: 2, 3}\n"]:
    show(src, "single")
# Bytes source: columns are byte offsets when no encoding is declared.
for src in [b"x = '\xc3\xa9' 1\n", b"# -*- coding: latin-1 -*-\nx = '\xe9' 1\n"]:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(repr(src), repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
