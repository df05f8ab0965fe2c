# except and except* handlers mixed on one try: CPython's invalid_try_stmt message.
def tryit(src):
    try: compile(src, "f", "exec"); print("ok")
    except SyntaxError as e: print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
tryit("try:\n  pass\nexcept* E:\n  pass\nexcept F:\n  pass")
tryit("try:\n  pass\nexcept E:\n  pass\nexcept* F:\n  pass")
tryit("try:\n  pass\nexcept E:\n  if x:\n    pass\nexcept* F as g:\n  pass")
tryit("try:\n  pass\nexcept* E:\n  pass\nexcept* G:\n  pass\nexcept:\n  pass")
tryit("def f():\n  try:\n    pass\n  except* E:\n    pass\n  except F:\n    pass\n")
