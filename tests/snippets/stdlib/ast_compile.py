# compile() of ast node objects: what ast.parse gives compiles to the same code
# as the source, in every mode, and hand-built trees run with their positions.
import ast
import types

SRC = '''
import os.path as p
from . import x as yy
def f(a, b=2, /, c=3, *d, e, g=5, **h) -> int:
    """doc"""
    x = [i * 2 for i in range(a) if i]
    try:
        return f"{a!r:>{b}} {x} {c!s} {e!a}"
    except (ValueError, TypeError) as err:
        raise RuntimeError('no') from err
    finally:
        del x
class C(object, metaclass=type):
    y: int = 3
    (z): str
    def m(self): return super().m()
match [1, 2]:
    case [1, *rest] if rest: pass
    case {'a': 1, **kw}: pass
    case C(y=3) | None: pass
    case -1 | 1+2j | 'x' | b'y' | p.q: pass
with open('/dev/null') as fh, open('/dev/null'): pass
async def co():
    async with a as b:
        await b
    async for i in b: yield i
lambda x, /, y=1, *, z: (x, y, z)
global gg
a = b = 1
a += 1
assert a, 'm'
print({1: 2, **{}}, {1, 2}, (1,), [*range(2)], {k: v for k, v in {}.items()})
print(1 if a else 2, not a, -a, a < 2 <= 3, a is None, (n := 4), n)
print(frozenset({1}), ..., 1j, b'x', 1.5, 10**30, 'a' 'b', '\\udc80' if 0 else 0)
print(any(x for x in 'ab'), x[*y] if 0 else 0, 'x' in [1, 2], sum((i for i in ()),))
if a: pass;
try: pass
except* ValueError: pass
'''


def same(c1, c2, path='<module>'):
    diffs = []
    for attr in ('co_code', 'co_linetable', 'co_exceptiontable', 'co_names',
                 'co_varnames', 'co_freevars', 'co_cellvars', 'co_flags',
                 'co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount',
                 'co_stacksize', 'co_firstlineno', 'co_name', 'co_qualname'):
        if getattr(c1, attr) != getattr(c2, attr):
            diffs.append(f'{path}.{attr}')
    k1 = [c for c in c1.co_consts if isinstance(c, types.CodeType)]
    k2 = [c for c in c2.co_consts if isinstance(c, types.CodeType)]
    o1 = [(type(c), c) for c in c1.co_consts if not isinstance(c, types.CodeType)]
    o2 = [(type(c), c) for c in c2.co_consts if not isinstance(c, types.CodeType)]
    if o1 != o2:
        diffs.append(f'{path}.co_consts')
    for a, b in zip(k1, k2):
        diffs += same(a, b, path + '/' + a.co_name)
    return diffs


for mode, src in [('exec', SRC), ('eval', '[x * 2 for x in y if x] or f(*a, **k)'),
                  ('single', 'x = 1; print(x)'), ('single', 'if 1:\n  2\n\n')]:
    tree = ast.parse(src, mode=mode)
    print(mode, type(tree).__name__, same(compile(src, '<s>', mode), compile(tree, '<s>', mode)))

# PyCF_ONLY_AST with an AST returns the very object.
tree = ast.parse('x = 1')
print(compile(tree, '<s>', 'exec', ast.PyCF_ONLY_AST) is tree)
print(compile(tree, '<s>', 'func_type', ast.PyCF_ONLY_AST) is tree)

# Running what was compiled from a tree.
ns = {}
exec(compile(ast.parse('def g(a, *, b=2): return a + b\nr = g(1)'), '<s>', 'exec'), ns)
print(ns['r'], ns['g'].__kwdefaults__)
print(eval(compile(ast.parse('1 + 2 * 3', mode='eval'), '<s>', 'eval')))
exec(compile(ast.Interactive([ast.Expr(ast.Constant(42, lineno=1, col_offset=0),
                                       lineno=1, col_offset=0)]), '<s>', 'single'))

# Hand-built trees: fix_missing_locations, positions into co_positions.
tree = ast.Module(body=[ast.Assign(targets=[ast.Name('v', ast.Store())],
                                   value=ast.BinOp(ast.Constant(6), ast.Mult(),
                                                   ast.Constant(7)))],
                  type_ignores=[])
ast.fix_missing_locations(tree)
ns = {}
exec(compile(tree, '<built>', 'exec'), ns)
print(ns['v'])
expr = ast.Expression(ast.Call(ast.Name('len', ast.Load(), lineno=3, col_offset=4,
                                        end_lineno=3, end_col_offset=7),
                               [ast.Constant('abc', lineno=3, col_offset=8,
                                             end_lineno=3, end_col_offset=13)], [],
                               lineno=3, col_offset=4, end_lineno=3, end_col_offset=14))
code = compile(expr, '<built>', 'eval')
print(eval(code), sorted(set(code.co_positions())))
# Missing end positions default to the start.
expr = ast.Expression(ast.Name('x', ast.Load(), lineno=5, col_offset=2))
print(sorted(set(compile(expr, '<e>', 'eval').co_positions())))

# Type ignores are checked and dropped.
print(ast.parse('x = 1').type_ignores)
mod = ast.Module([ast.Pass(lineno=1, col_offset=0)], [ast.TypeIgnore(1, 'x')])
exec(compile(mod, '<s>', 'exec'))

# A position in a traceback.
tree = ast.parse('x = 1\n\ny = x / 0\n')
ast.increment_lineno(tree, 10)
try:
    exec(compile(tree, '<moved>', 'exec'), {})
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_filename, tb.tb_lineno)

# Constants of every kind, frozensets, surrogates, bytes kind.
for value in [None, True, False, ..., 1, 1.5, 2j, 'é', b'b', (1, (2, 'x')),
              frozenset({3}), '\udcff', 10 ** 40]:
    e = ast.Expression(ast.Constant(value, lineno=1, col_offset=0))
    got = eval(compile(e, '<c>', 'eval'))
    print(repr(got), type(got).__name__, got == value)
e = ast.Expression(ast.Constant('s', kind=b'u', lineno=1, col_offset=0))
print(eval(compile(e, '<c>', 'eval')))

# ast.literal_eval and the unparse round trip.
print(ast.literal_eval("{'a': [1, 2.5, -3j, (True, None)], 'b': {1, 2}}"))
print(ast.unparse(ast.parse('def f(x, /, y=1, *a, z, **k): return (x, y)')))
# Compile the AST of every function here, from the parsed source of this test.
print(len(ast.parse(SRC).body), type(compile(ast.parse(SRC), 'x', 'exec')).__name__)

# AnnAssign.simple: a parenthesised target is not simple; a tree's flag is
# trusted whatever the positions.
print(ast.dump(ast.parse('(x): int\nx: int\n(y.z): int')))
m = ast.Module([ast.AnnAssign(ast.Name('x', ast.Store(), lineno=1, col_offset=1),
                              ast.Name('int', ast.Load(), lineno=1, col_offset=5),
                              None, 1, lineno=1, col_offset=0)], [])
ns = {}
exec(compile(m, '<s>', 'exec'), ns)
print(ns.get('__annotations__'))
ns = {}
exec('(x): int\ny: str', ns)
print(ns.get('__annotations__'))
