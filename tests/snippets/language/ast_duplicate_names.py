# Duplicate parameter names and repeated keywords parse; the symbol table and
# the compiler reject them, with CPython's messages and locations.
import ast
for s in ["def f(a, a): pass", "lambda a, a: 1", "def f(a, *, a): pass", "def f(x, y=1, *x): pass"]:
    try: print(ast.dump(ast.parse(s)))
    except SyntaxError as e: print(e.msg, e.lineno, e.offset)
    try: compile(ast.parse(s), "f", "exec")
    except SyntaxError as e: print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
# A repeated keyword is the compiler's error, after parsing.
print(ast.dump(ast.parse("f(a=1, a=2)")))
for s in ["f(a=1, a=2)", "f(x,\n  b=1, b=2)", "g(**k, c=1, c=2)"]:
    try:
        compile(s, "f", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
# A later parse error wins over a duplicate argument.
try:
    compile("def f(a, a): pass\nx = = 1", "f", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
