# Blank and comment-only lines are ignored by the tokenizer whatever their
# whitespace, including a tab after spaces (rustpython's lexer refuses that in
# indentation; CPython only looks at the indentation of lines with code).
src = "def f():\n    x = 1\n    \t\n  \t  # comment\n\t \n    return x\nprint(f())\n"
exec(src)
code = compile("if 1:\n    y = 2\n    \t\n    z = y * 3\n", "<s>", "exec")
ns = {}
exec(code, ns)
print(ns["y"], ns["z"])
for bad in ["if 1:\n        a = 1\n\tb = 2\n", "if 1:\n\ta = 1\n        b = 2\n"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
