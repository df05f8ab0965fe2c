# marshal of code objects: CPython's bytes for code compiled from the same source
# (names interned, the filename shared, compiler names such as <module> not
# interned), and code that round-trips and runs.
import marshal

src = """def h(n):
    t = 0
    for i in range(n):
        t += i * 2
    return t
class C:
    def m(self):
        return self.__class__.__name__
"""
co = compile(src, "mod.py", "exec")
data = marshal.dumps(co)
print(len(data))
for i in range(0, len(data), 64):
    print(data[i:i + 64].hex())
back = marshal.loads(data)
print(back == co, back.co_filename, back.co_names)
ns = {}
exec(back, ns)
print(ns["h"](10), ns["C"]().m())
lam = compile("lambda a, *b, c=1: (a, b, c)", "<string>", "eval")
back = marshal.loads(marshal.dumps(lam))
print(back == lam, marshal.dumps(back) == marshal.dumps(lam))
print(eval(back)(1, 2, c=3))
for version in range(5):
    print(version, marshal.dumps(compile("x = 1", "v", "exec"), version).hex())
