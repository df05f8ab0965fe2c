"""exec/eval/compile: globals and locals dicts, modes, expression results, errors from code strings."""
print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("a + b", {"a": 1}, {"b": 2}))
g = {}
exec("y = 10\ndef f():\n    return y * 2", g)
print(g["y"], g["f"](), "__builtins__" in g)
ns = {}
exec("import sys as s; z = s.getrecursionlimit()", ns)
print(ns["z"])
code = compile("3 * 7", "<expr>", "eval")
print(eval(code), code.co_filename)
c2 = compile("for i in range(2): print('exec', i)", "<s>", "exec")
exec(c2)
c3 = compile("42", "<single>", "single")
exec(c3)
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("return 5", "exec"), ("a = 1", "eval"), ("def", "exec")]:
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    compile("1", "<x>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval("undefined_thing")
except NameError as e:
    print(type(e).__name__, e)
loc = {}
exec("p = 1\nq = p + 1", {}, loc)
print(sorted(loc.items()))
print(eval("[i * i for i in range(4)]"), eval("(lambda: 5)()"))
def scope():
    v = "local v"
    return eval("v")
print(scope())
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
print(eval("  1 + 1"), eval("\t2"))
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
