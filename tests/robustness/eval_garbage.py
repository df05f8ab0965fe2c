"""eval/exec/compile of garbage, binary junk, odd encodings and invalid tokens raise SyntaxError/ValueError."""
samples = [
    "", " ", "\n", "@@@", "1 +* 2", "def", "class:", "lambda", "if", "(", ")", "]", "}", "[1, 2",
    "'unterminated", '"""never closed', "x = = 1", "f(**)", "1 if 2", "a[", "print 'hi'", "yield",
    "\\", "0x", "1e", "1__0", "08", "0b2", "$", "?", "`x`", "a := 1", "del 1", "(yield) = 1",
    "for x in : pass", "import", "from . import", "else: pass", "try: pass", "x: int = ", "**x",
    "def f(a, a): pass", "def f(*): pass", "nonlocal x", "return", "break", "continue", "await x",
    "\x00", "1\x00", "é = 1", "\u00a0x", "\ufeffx", "x\x0c=1", "f'{'", "f'{}'", "f'{a!z}'", "b'é'",
    "'\\N{NOT A REAL NAME}'", "'\\x4'", "u'\\uZZZZ'", "match x:\n case 1 | y: pass",
]
for src in samples:
    for mode in ("eval", "exec"):
        try:
            compile(src, "<garbage>", mode)
            result = "ok"
        except SyntaxError as e:
            result = type(e).__name__
        except ValueError as e:
            result = "ValueError " + str(e)
        print(repr(src), mode, result)
for junk in [bytes(range(256)), b"\xff\xfe\x00", b"x = '\xff'", "é".encode("utf-16")]:
    try:
        exec(junk)
        print("ran")
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__)
print("survived")
