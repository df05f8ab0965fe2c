# 'break' and 'continue' outside a loop, inside a `with` block: the error is
# at the statement (unwinding the `with` must not lose the location).
def tryit(src):
    try:
        compile(src, "f", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

tryit("with object() as obj:\n break")
tryit("with object() as obj:\n    continue")
tryit("with a:\n    with b:\n        pass\n        break\n")
tryit("async def f():\n    async with a:\n        continue\n")
tryit("try:\n    pass\nfinally:\n    with a:\n        break\n")
tryit("for x in y:\n    with a:\n        break\n")
