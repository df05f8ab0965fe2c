# The node classes of _ast: hierarchy, _fields, _attributes, defaults, constructor.
import _ast
import ast

names = sorted(k for k, v in vars(_ast).items() if isinstance(v, type) and issubclass(v, _ast.AST))
print(len(names))
for n in names:
    c = getattr(_ast, n)
    own = {k: v for k, v in vars(c).items() if k not in ("__weakref__", "__dict__")}
    print(n, c.__mro__[1].__name__, c._fields, c._attributes, c.__match_args__,
          sorted(k for k, v in own.items() if v is None))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.AST, ast.Name, ast.Name.__module__, ast.BinOp.__doc__)
n = ast.Name("x", ast.Load(), lineno=3)
print(n.id, n.ctx, n.lineno, n.end_lineno, n.__reduce__()[1:], ast.Pass().__reduce__())
for args in [(1, 2, 3), (1,)]:
    try:
        ast.Name(*args)
        print("ok", args)
    except TypeError as e:
        print(e)
for cls in (ast.Load, ast.Return):
    try:
        cls(1, 2)
    except TypeError as e:
        print(e)
try:
    ast.Module().body
except AttributeError as e:
    print("AttributeError", e)
print(ast.Yield().value, ast.Constant(1).kind, ast.arguments().vararg)
print(isinstance(ast.parse("x").body[0].value.ctx, ast.Load))
print(ast.parse("a;b").body[0].value.ctx is ast.parse("c").body[0].value.ctx)
print(ast.dump(ast.parse(b"x = 'caf\xc3\xa9'"), include_attributes=True))
print(compile("x", "<s>", "exec", ast.PyCF_ONLY_AST).__class__)
t = ast.parse("y = 2")
print(compile(t, "<s>", "exec", ast.PyCF_ONLY_AST) is t)
try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
print(ast.literal_eval("[1, (2, 'a'), {3: None}, -4.5]"))
print(ast.unparse(ast.parse("def f(a, *, b=1): return a if b else -a")))
print(ast.get_docstring(ast.parse('"""Doc."""\nx = 1')))
