# f-strings as CPython 3.11's Parser/string_parser.c parses them: quotes inside
# expressions, `=` fields, conversions, nested format specs, node locations, and
# the SyntaxErrors of malformed fields.
import ast

x = 42
y = "hi"
w = 8
print(f"{'''eric's'''}", f'{"x" """eric"s""" "y"}', f"{'a' 'b'}")
print(f"a{x=}b", f"{x = }", f"{x=!r:>10}|", f"{y=!s}", f"{x= :5}|")
print(f"{y!r:^{w}}|", f"{x:}", f"{{}}{x}}}", f"{x!a}", f"{'é'!a}")
print(f"{(lambda z: z * 2)(3)}", f"{(v:=5)}", v, f"{3!=4}", f"{x<5}", f"{x>5}")
print(f"{x:{'>'}{w}}|", f"{3.14159:{w}.{2}f}|", f"{x:=^9}", f"{[1, 2][0]}")
print(f"\{x}", rf"\{x}", f"\N{BULLET}{x}\N{EM DASH}", rf"a\n{x}")
print(f"{ x }", f"{x!r:}", f"{{x}}")
print(f"""{
x
+ 1}""", f"{x:#x}", f"{'{'}", f"{'}'}")
d = {"k": 1}
print(f"{d['k']}", f'{d["k"]}', f"{len(d)=}", f"{ d ['k'] = }")


def show(src):
    tree = ast.parse(src)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.JoinedStr, ast.Constant, ast.FormattedValue)):
            what = getattr(node, "id", None) or getattr(node, "value", "")
            if isinstance(what, ast.AST):
                what = type(what).__name__
            print(" ", type(node).__name__, repr(what),
                  node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)


show('x = f"ab{y!r:>{w}}c" f"{z}"')
show('x = 1;  y = f"""abc\n  {  foo + bar} {\nbaz}"""\n')
show('y = (f"ab" \n   f"{  foo + bar}")\n')
show('f"a{x=}b" "c" f"{y!s:>{w}}"')
show('f""')
show('"a" "b"')
print(ast.dump(ast.parse('f"{x:}" f"{x!r:}"')))
print(ast.dump(ast.parse('u"a" f"{b}"')))

bad = [
    'f"{=}"', 'f"{!r}"', 'f"{:x}"', 'f"{x!}"', 'f"{x!z}"', 'f"{x!r x}"', 'f"{x"',
    'f"{"', 'f"}"', 'f"{x:{y:{z}}}"', 'f"{#}"', 'f"{x)}"', 'f"{(x]}"', 'f"{[x)}"',
    'f"{lambda x:1}"', 'f"{x!r=}"', 'b"a" f"b"', 'f"{x}" b"a"', 'f"{a b}" b"x"',
    'f"{ }"', 'f"{a b}"', 'f"{x:{a b}}"', "f'x{<'", "f'{x<}'", 'f"{*x}"', 'f"{**x}"',
    'f"{(}"', 'f"{x\'}"', "f'{\"a\"'", 'f"{\\\'a\\\'}"', 'f"{x:\\n}"' , "f'\\N'",
    "f'\\N{foo}{x}'", "f'{x}\\x4'", "(1,\n f'{x}' f'{a b}'\n)", 'f"""{\na b}"""',
    'f"{f\'{a b}\'}"', 'x = 1\ny = f"{x} {1 +}"', "'\\N{}'", "'a\\U00110000'",
    "b'\\x4'", "'é\\x4g'", 'f"""{   \n a b}"""', 'x = (1, f"""ab\n  {\n a b}""")',
    'x = 1; f"""ab\n  {  a b}"""',
]
for src in bad:
    try:
        compile(src, "<fs>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset),
              repr(e.text))
