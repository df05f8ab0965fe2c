# Warnings issued while compiling: invalid escapes (DeprecationWarning, at the
# string token's line), the compiler's SyntaxWarnings, the tokenizer's
# 'invalid decimal literal'; under an error filter each becomes a SyntaxError.
import warnings
def show(src):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<t>", "exec")
        except SyntaxError as e:
            print("SE", e, e.lineno, e.offset)
    for x in w:
        print(x.category.__name__, x.message, x.lineno, x.filename)
show('x = "\\d"')
show('x = 1\ny = (\n"a"\n"\\d\\q")\nz=b"\\u"')
show('x = "\\777"')
show('x = "\\477\\d"')
show("x = '''\n\n\\d'''")
show('x = f"\\d{1}"')
show('x = rb"\\d" + br"\\d" + R"\\d"')
show('x = "\\N{DIGIT ONE}\\u0041\\x41\\101\\\n"')
show('x = b"\\N"')
show('x = 1 is 1\nif x is "a": pass')
show('(1, 2)()')
show('assert (x, "msg")')
show('[1,2][1,2]')
show('x = [1,2](3)')
show('x = 1if 1else 2')
show('x = 1 is not ()')
show('x = "\\é"')
show('x = [1]["a"]\ny = "abc"[1.5]\nz = (1,2)[1:2]\nw = {1}[0]\nv = (lambda: 0)[0]\nu = 5[0]\nt = [x for x in ()][()]\ns = f"a"[1, 2]')
show('x = (x for x in ())()\ny = {}()\nz = {1}()\nw = None()\nv = f"{1}"()\nu = ...()\n')
show('assert ()\nassert (1,)\nassert (1, 2), "m"')
show('if 1 is 1 is x: pass\nwhile x is not "a" < 2: pass\nx = 1 < 2 is 3')
show('x = None is None\ny = x is ...\nz = True is not x')
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ['x = "\\d"', 'x = 1 is 1', '\n\nx = (1, 2)()', 'assert (x, 1)', 'x = "abc"[1.5]', 'x = b"\\777"']:
        try:
            compile(src, "<t>", "exec")
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    import ast
    try:
        ast.parse('x = "\\q"')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    ast.parse('x = "\\q"\n1 is 1')
    print([str(x.message) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ['x = 0\ny = [0x1for x in ()]', 'é = 1jif 1else 2', 'x = 1.5or 2', 'x = 0b1in ()', 'x = 0o7is 3']:
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
