"""compile() of hostile ast trees: lists that shrink while converted, fields that raise, nodes of base classes, constants nested past the recursion limit, trees nested past it; every case is a Python exception, never a crash."""
import ast
L = dict(lineno=1, col_offset=0)
body = []
class Evil(ast.Pass):
    @property
    def lineno(self):
        body.clear()
        return 1
body[:] = [Evil(col_offset=0), ast.Pass(**L)]
for name, tree in [('shrink', lambda: ast.Module(body, [])),
                   ('raise', lambda: ast.Module([type('X', (ast.Pass,), {'lineno': property(lambda s: 1/0)})(col_offset=0)], [])),
                   ('deep tuple', lambda: ast.Expression(ast.Constant(eval('(' * 3000 + ')' * 3000) if False else None, **L))),
                   ('subclass node', lambda: ast.Module([type('P', (ast.Pass,), {})(**L)], [])),
                   ('list subclass', lambda: ast.Module(type('LL', (list,), {})([ast.Pass(**L)]), [])),
                   ('expr base', lambda: ast.Module([ast.Expr(ast.expr(**L), **L)], [])),
                   ('AST base', lambda: ast.Module([ast.AST()], []))]:
    try:
        c = compile(tree(), '<h>', 'exec' if name != 'deep tuple' else 'eval')
        print(name, 'ok')
    except Exception as e:
        print(name, type(e).__name__, str(e)[:80].replace(' at 0x', '@').split('@')[0])
t = ()
for i in range(5000):
    t = (t,)
try:
    compile(ast.Expression(ast.Constant(t, **L)), '<h>', 'eval')
    print("deep const ok")
except Exception as e:
    print(type(e).__name__, e)
e = ast.Name('x', ast.Load(), **L)
for i in range(20000):
    e = ast.UnaryOp(ast.USub(), e, **L)
try:
    compile(ast.Expression(e), '<h>', 'eval')
except RecursionError as err:
    print('deep tree', err)
body = [ast.Pass(**L)]
for i in range(5000):
    body = [ast.If(ast.Constant(1, **L), body, [], **L)]
try:
    compile(ast.Module(body, []), '<h>', 'exec')
except RecursionError as err:
    print('deep statements', err)
