"""Name resolution: LEGB, class scope not visible in methods, builtins shadowing, comprehension scopes."""
x = "global"
def f():
    x = "enclosing"
    def g():
        return x
    return g()
print(f())
def h():
    return len
len_ = h()
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
class K:
    y = "class y"
    def m(self):
        try:
            return y
        except NameError as e:
            return f"{type(e).__name__}: {e}"
    z = [y for _ in range(1)] if False else None
    w = y.upper()
print(K().m(), K.w)
def param_shadow(x):
    return x
print(param_shadow("param"), x)
def conditional_local(flag):
    if flag:
        local = "set"
    try:
        return local
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(conditional_local(True), conditional_local(False))
import builtins
builtins.custom_builtin = "from builtins"
print(custom_builtin)
custom_builtin = "global wins"
print(custom_builtin)
del custom_builtin
print(custom_builtin)
del builtins.custom_builtin
def class_in_func():
    val = "func local"
    class Inner:
        attr = val
        def get(self):
            return val
    return Inner.attr, Inner().get()
print(class_in_func())
def class_body_override():
    v = "enclosing v"
    class C:
        v = "class v"
        got = v
    return C.got
print(class_body_override())
