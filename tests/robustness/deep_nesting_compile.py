"""Deeply nested expressions/brackets given to compile()/eval() raise a catchable error, never crash."""
def attempt(label, src, mode="eval"):
    try:
        code = compile(src, "<deep>", mode)
        print(label, "compiled", type(code).__name__)
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(label, type(e).__name__)
attempt("parens 50", "(" * 50 + "1" + ")" * 50)
print(eval("(" * 50 + "1" + ")" * 50))
attempt("parens 100000", "(" * 100000 + "1" + ")" * 100000)
attempt("lists 100000", "[" * 100000 + "]" * 100000)
attempt("dicts 50000", "{1:" * 50000 + "1" + "}" * 50000)
attempt("unary 100000", "-" * 100000 + "1")
attempt("not 100000", "not " * 100000 + "x")
attempt("adds 100000", "1" + "+1" * 100000)
attempt("calls 100000", "f(" * 100000 + ")" * 100000)
attempt("attrs 100000", "a" + ".b" * 100000)
attempt("lambda 20000", "lambda: " * 20000 + "0")
attempt("unbalanced", "(" * 1000)
attempt("closers", ")" * 1000)
attempt("nested if", "".join(" " * i + "if x:\n" for i in range(200)) + " " * 200 + "pass\n", "exec")
print("survived")
