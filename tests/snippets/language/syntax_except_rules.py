# invalid_except_stmt and invalid_try_stmt: unparenthesised exception types,
# `except*` without a type, `except` and `except*` mixed (blocks on the header
# line too).
def tryit(src):
    try:
        compile(src, "f", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

for star in ("", "*"):
    for types in ("A, B", "A, B, C", "A, B, C as blech", "(A), B", "A, B.c as d"):
        tryit(f"try:\n  pass\nexcept{star} {types}:\n  pass\n")
        tryit(f"try:\n  pass\nexcept{star} {types}:\n  pass\nfinally:\n  pass\n")
tryit("try:\n  pass\nexcept* A as a:\n  pass\nexcept*:\n  pass\n")
tryit("try:\n  pass\nexcept*\n  pass\n")
tryit("try: pass\nexcept* ValueError: pass\nexcept TypeError: pass")
tryit("try: pass\nexcept ValueError: pass\nexcept* TypeError: pass")
tryit("try: pass\nexcept ValueError:\n  pass\nexcept* TypeError: pass")
tryit("try:\n  pass\nexcept (A, B):\n  pass\n")
