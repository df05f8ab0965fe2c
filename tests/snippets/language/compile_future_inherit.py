from __future__ import annotations
# compile(), exec() and eval() of source inherit the caller's future features
# unless dont_inherit is true.
import __future__

src = "def f(x: int) -> list[str]: pass"
ns = {}
exec(src, ns)
print(ns["f"].__annotations__)
exec(compile(src, "<inherit>", "exec"), ns)
print(ns["f"].__annotations__)
exec(compile(src, "<no-inherit>", "exec", dont_inherit=True), ns)
print(ns["f"].__annotations__)
exec(compile(src, "<explicit>", "exec", __future__.annotations.compiler_flag, True), ns)
print(ns["f"].__annotations__)
print(hex(compile("x", "<e>", "eval").co_flags))
print(hex(compile("x", "<e>", "eval", dont_inherit=True).co_flags))
print(hex(eval("(lambda: 0).__code__.co_flags")))
print(eval("(lambda y: y).__annotations__"))


def inner():
    return compile("def g(a: undefined_name): pass", "<in>", "exec")


ns = {}
exec(inner(), ns)
print(ns["g"].__annotations__)
