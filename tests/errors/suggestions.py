"""Did-you-mean suggestions for NameError and AttributeError shown through sys.excepthook, ending in an uncaught one."""
import sys
def show(f):
    try:
        f()
    except (NameError, AttributeError) as e:
        sys.excepthook(type(e), e, None)
class Config:
    verbose = True
    def method(self): pass
    def __init__(self): self.instance_value = 1
show(lambda: Config.verbos)
show(lambda: Config().instance_valeu)
show(lambda: Config().methd)
show(lambda: sys.getrecursionlimt)
show(lambda: [].apend)
show(lambda: "".uper)
show(lambda: prnt)
show(lambda: Confg)
show(lambda: isinstanc)
show(lambda: xyzzy_nothing_close)
show(lambda: (1).real1)
show(lambda: None.x)
def local_sugg():
    counter = 1
    return countr
show(local_sugg)
def long_name():
    a_really_long_variable_name_for_testing = 1
    return a_really_long_variable_name_for_testin
show(long_name)
class A:
    def __getattr__(self, n):
        raise AttributeError(n)
show(lambda: A().x)
class B:
    abc = 1
    def __getattr__(self, n):
        raise AttributeError(f"no {n}")
show(lambda: B().abd)
show(lambda: getattr(Config, "verbos"))
e = AttributeError("custom", name="verbos", obj=Config)
sys.excepthook(AttributeError, e, None)
e2 = NameError("custom", name="prnt")
sys.excepthook(NameError, e2, None)
show(lambda: Config.a)
show(lambda: Config.ab)
show(lambda: Config.vvvvvvvverbose)
big = type("Big", (), {f"attr{i}": i for i in range(800)})
show(lambda: big.attr1000)
def with_self():
    class K:
        def __init__(self):
            self.blech = 1
        def m(self):
            return blech
    K().m()
show(with_self)
values = [1, 2]
print(valeus)
