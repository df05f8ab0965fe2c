# compile() of invalid ast trees: obj2ast's and the validator's errors.
import ast
import re

L = dict(lineno=1, col_offset=0)


def name(id='x', ctx=None, **kw):
    return ast.Name(id, ctx or ast.Load(), **(kw or L))


def mod(*stmts):
    return ast.Module(list(stmts), [])


def expr(e):
    return mod(ast.Expr(e, **L))


def t(label, node, mode='exec', flags=0):
    try:
        compile(node, '<t>', mode, flags)
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, re.sub(' at 0x[0-9a-f]+', '', str(e)))


class S(str):
    pass


# obj2ast: missing fields, wrong types, wrong node kinds.
t('int in body', ast.Module([1], []))
t('no lineno', mod(ast.Pass()))
t('body not list', ast.Module(body=1, type_ignores=[]))
t('body tuple', ast.Module((), []))
t('no type_ignores', ast.Module(body=[]))
t('expr no lineno', mod(ast.Expr(ast.Name('x', ast.Load()), **L)))
t('required None', mod(ast.Expr(None, **L)))
t('stmt as expr', expr(ast.Pass(**L)))
t('lineno str', expr(ast.Name('x', ast.Load(), lineno='a', col_offset=0)))
t('lineno float', expr(ast.Name('x', ast.Load(), lineno=1.0, col_offset=0)))
t('lineno big', expr(ast.Name('x', ast.Load(), lineno=2 ** 40, col_offset=0)))
t('id int', expr(name(1)))
t('id subclass', expr(name(S('a'))))
t('ctx int', expr(ast.Name('x', 1, **L)))
t('ctx None', expr(ast.Name('x', None, **L)))
t('op wrong', expr(ast.BinOp(name(), ast.Load(), name(), **L)))
t('cmpop wrong', expr(ast.Compare(name(), [ast.Add()], [name()], **L)))
t('kind int', expr(ast.Constant(1, kind=3, **L)))
t('type_ignore', ast.Module([ast.Pass(**L)], [1]))
t('type_ignore tag', ast.Module([ast.Pass(**L)], [ast.TypeIgnore(1, None)]))
t('alias name', mod(ast.Import([ast.alias(1)], **L)))
t('alias lineno', mod(ast.Import([ast.alias('a')], **L)))
t('arguments', mod(ast.FunctionDef('f', 1, [ast.Pass(**L)], [], **L)))
t('wrong mod', ast.Expression(name()))
t('wrong mod eval', mod(), 'eval')
t('wrong mod single', mod(), 'single')
t('func_type', ast.Expression(name()), 'func_type')
t('bad mode', ast.Expression(name()), 'spam')
t('bad mode ast', ast.Expression(name()), 'spam', ast.PyCF_ONLY_AST)
t('bad flags', ast.Expression(name()), 'eval', 1 << 30)
t('list changed', ast.Module([ast.Expr(ast.Constant(1, **L), **L)], []))

# The validator.
t('del ctx', mod(ast.Delete([name()], **L)))
t('store ctx', mod(ast.Assign([ast.Constant(1, **L)], ast.Constant(1, **L), **L)))
t('invalid constant', expr(ast.Constant([1], **L)))
t('constant subclass', expr(ast.Constant(S('a'), **L)))
t('constant nested', expr(ast.Constant((1, [2]), **L)))
t('None name', expr(name('None')))
t('True attr', mod(ast.Expr(ast.Attribute(name(), 'True', ast.Load(), **L), **L)))
t('line range', expr(ast.Name('x', ast.Load(), lineno=3, col_offset=0, end_lineno=1)))
t('col range', expr(ast.Name('x', ast.Load(), lineno=1, col_offset=5, end_col_offset=1)))
t('negative col', expr(ast.Name('x', ast.Load(), lineno=1, col_offset=-1, end_col_offset=1)))
t('negative line', expr(ast.Name('x', ast.Load(), lineno=-1, col_offset=0, end_lineno=2)))
t('empty body', mod(ast.If(name(), [], [], **L)))
t('empty targets', mod(ast.Assign([], ast.Constant(1, **L), **L)))
t('empty names', mod(ast.Import([], **L)))
t('import level', mod(ast.ImportFrom('x', [], -1, **L)))
t('global empty', mod(ast.Global([], **L)))
t('boolop', expr(ast.BoolOp(ast.And(), [name()], **L)))
t('dict', expr(ast.Dict([name()], [], **L)))
t('compare empty', expr(ast.Compare(name(), [], [], **L)))
t('compare mismatch', expr(ast.Compare(name(), [ast.Eq(), ast.Eq()], [name()], **L)))
t('comprehension', expr(ast.ListComp(name(), [], **L)))
t('None in list', expr(ast.List([name(), None], ast.Load(), **L)))
t('None in body', ast.Module([None], []))
t('None dict key', expr(ast.Dict([None], [name()], **L)))
t('raise cause', mod(ast.Raise(None, name(), **L)))
t('try bare', mod(ast.Try([ast.Pass(**L)], [], [], [], **L)))
t('try orelse', mod(ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)))
t('trystar bare', mod(ast.TryStar([ast.Pass(**L)], [], [], [], **L)))
t('handler body', mod(ast.Try([ast.Pass(**L)], [ast.ExceptHandler(None, None, [], **L)], [], [], **L)))
t('with items', mod(ast.With([], [ast.Pass(**L)], **L)))
t('annassign', mod(ast.AnnAssign(ast.Attribute(name(), 'a', ast.Store(), **L), name(), None, 1, **L)))
t('namedexpr', expr(ast.NamedExpr(ast.Attribute(name(), 'b', ast.Store(), **L), ast.Constant(1, **L), **L)))
t('starred load', mod(ast.Assign([ast.Starred(name(), ast.Load(), **L)], name(), **L)))
t('assign to call', mod(ast.Assign([ast.Call(name(), [], [], **L)], name(), **L)))
a = ast.arguments([], [ast.arg('x', **L)], None, [], [], None, [ast.Constant(1, **L)] * 2)
t('defaults', mod(ast.FunctionDef('f', a, [ast.Pass(**L)], [], **L)))
a = ast.arguments([], [], None, [ast.arg('x', **L)], [], None, [])
t('kw_defaults', mod(ast.FunctionDef('f', a, [ast.Pass(**L)], [], **L)))
a = ast.arguments([], [ast.arg('x', lineno=2, col_offset=0, end_lineno=1)], None, [], [], None, [])
t('arg position', expr(ast.Lambda(a, name(), **L)))
t('conversion', expr(ast.JoinedStr([ast.FormattedValue(name(), 5, None, **L)], **L)))
P = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)


def match(pattern):
    return mod(ast.Match(name(), [ast.match_case(pattern, None, [ast.Pass(**L)])], **L))


t('match singleton', match(ast.MatchSingleton(1, **P)))
t('match value', match(ast.MatchValue(ast.Constant(True, **L), **P)))
t('match value name', match(ast.MatchValue(name(), **P)))
t('match star', match(ast.MatchStar('x', **P)))
t('match as', match(ast.MatchAs(ast.MatchAs(None, None, **P), None, **P)))
t('match capture _', match(ast.MatchAs(None, '_', **P)))
t('match or', match(ast.MatchOr([ast.MatchAs(None, None, **P)], **P)))
t('match class', match(ast.MatchClass(ast.Constant(1, **L), [], [], [], **P)))
t('match class kwd', match(ast.MatchClass(name(), [], ['a'], [], **P)))
t('match mapping', match(ast.MatchMapping([name()], [], None, **P)))
t('match no end', match(ast.MatchAs(None, None, lineno=1, col_offset=0)))
t('match empty', mod(ast.Match(name(), [], **L)))
t('match ok', match(ast.MatchValue(ast.UnaryOp(ast.USub(), ast.Constant(1, **L), **L), **P)))

# A tree nested past the recursion limit.
e = name()
for i in range(10000):
    e = ast.UnaryOp(ast.Not(), e, **L)
t('deep', ast.Expression(e), 'eval')
