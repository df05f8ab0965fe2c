# ast.parse(..., feature_version=(3, N)): the grammar's CHECK_VERSION errors,
# underscores in numbers and f-strings, with CPython's positions.
import ast

def tryit(src, minor):
    try:
        ast.parse(src, feature_version=(3, minor))
        print("ok", minor, repr(src))
    except SyntaxError as e:
        print(minor, repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

cases = [
    ("(x := 0)", 8), ("(x:=1, y:=2)\n", 8), ("a = b @ c\n", 5), ("x @= 3\n", 5),
    ("def foo(x, /): ...", 8), ("def bar(x=1, /): ...", 8), ("lambda x, /: 1\n", 8),
    ("lambda x=1, /, y=2: 1\n", 8), ("a = 42_42\n", 6), ("x = 1\nf'{a}'\ny=2\n", 6),
    ("f'{x}' 'a' f'b'\n", 6), ("try: ...\nexcept* Exception: ...\n", 11),
    ("try:\n  pass\nexcept* E:\n  pass\nfinally:\n  pass\nz\n", 11),
    ("with (a as b): ...\n", 9), ("with (a): pass\n", 9), ("with (a, b): pass\n", 9),
    ("with (a)as b: pass\n", 9), ("with (a), b: pass\n", 9),
    ("async def f():\n  await x\n", 5), ("async def f():\n    pass\n", 5),
    ("async def f():\n  async for x in y: pass\n", 5),
    ("async def f():\n    async for x in y:\n        pass\n    z\n", 5),
    ("async def f():\n    async with a: pass\n", 5),
    ("async def f(): [x async for x in y]\n", 6), ("x: int = 3\n", 6), ("(x): int = 3\n", 6),
    ("x.y: int\n", 6), ("match x:\n case 1: pass\n", 10),
    ("for x in y:\n    pass\nelse:\n    (a := 1)\n", 8),
]
for src, minor in cases:
    tryit(src, minor)
    tryit(src, minor - 1)
print(ast.dump(ast.parse("(x := 0)", feature_version=(3, 8))))
print(ast.dump(ast.parse("(x := 0)", feature_version=None)))
print(ast.dump(ast.parse("(x := 0)", feature_version=(3, 2000))))
# Without PyCF_ONLY_AST the version is not used.
print(compile("(x := 0)", "f", "exec", _feature_version=4).co_names)
