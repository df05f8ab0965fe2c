# exec() and eval() of a code object with free variables: eval refuses it, exec
# needs closure= with one cell per free variable.


def f(x):
    def inner():
        return x + 1

    return inner


g = f(3)
for args in ((g.__code__, {}), (g.__code__, {}, None)):
    for fn in (eval, exec):
        try:
            print(fn(*args))
        except Exception as e:
            print(fn.__name__, type(e).__name__, e)


def h():
    return 5


for closure in (None, (), g.__closure__, (1,), [g.__closure__[0]], g.__closure__ * 2):
    for code in (g.__code__, h.__code__):
        try:
            print(exec(code, {}, closure=closure))
        except Exception as e:
            print(code.co_name, type(closure).__name__, type(e).__name__, e)

ns = {}
src = compile(
    "def outer():\n    y = 7\n    def k():\n        print('k sees', y)\n    return k\n",
    "s",
    "exec",
)
exec(src, ns)
k = ns["outer"]()
exec(k.__code__, {"print": print}, closure=k.__closure__)
exec(k.__code__, {}, None, closure=k.__closure__)
