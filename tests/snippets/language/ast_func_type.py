# ast.parse(..., mode='func_type'): type-comment signatures as FunctionType nodes,
# CPython's SyntaxErrors for malformed ones, and compile()'s refusal without
# PyCF_ONLY_AST.
import ast
for s in ['(int,) -> int','() -> None','(int, *str, **float) -> x','(*a)->b','(**a)->b','(a, **b, *c) -> d','(a)\n->b', '(a) -> b\n\n', '(a) -> b # c','(a)->b;', 'x', '(a=1)->b','(lambda: 1)->yield',
          '(int) -> List[str]', '(int, *str, *Any) -> float', '(**int, **str) -> float', '(int, **str, Any) -> float', '(*int, **str) -> None',
          '(a := 1) -> b', '((a := 1)) -> b', '(a, b) -> c, d', '(a) -> (c, d)', '(a +) -> b', '(x if y else z, lambda q: q) -> await f', '(a) -> yield x',
          '  (a) -> b', '(a)\n  -> b', '(a,\n b) -> c', '(a) -> b\n# c\n', '(f(x)[1].y, {1: 2}) -> [int]', '', '(', '(a) -> "\u00e9"']:
    try: print(repr(s), ast.dump(ast.parse(s, mode='func_type'), include_attributes=True))
    except SyntaxError as e: print(repr(s), 'SE', e.msg, e.args[1])
for s in ['(a)->b']:
    try: compile(s, 'f', 'func_type')
    except ValueError as e: print(e)
print(ast.dump(compile('(a)->b', 'f', 'func_type', ast.PyCF_ONLY_AST)))
