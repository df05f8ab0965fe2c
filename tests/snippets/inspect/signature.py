# inspect.signature and its classes, compared with python3.
import functools
import inspect
from inspect import Parameter, Signature

def show(obj):
    try:
        sig = inspect.signature(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
        return
    print(sig, [(p.name, str(p.kind), p.kind.description) for p in sig.parameters.values()])

def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass
def g(x: int, y: "str" = "s", *, z: list[int] = None): pass
def h(*, only): pass
def k(**kw): pass
def posonly(a, b, /): pass
lam = lambda x, *y: None

class C:
    def __init__(self, x, y=2): pass
    def m(self, z): pass
    @classmethod
    def cm(cls, q): pass
    @staticmethod
    def sm(r, /): pass
    def __call__(self, p, *, q=1): pass

class New:
    def __new__(cls, a, b): return object.__new__(cls)
class Both(New):
    def __init__(self, a, b, c=None): pass
class Meta(type):
    def __call__(cls, meta_arg): return super().__call__()
class WithMeta(metaclass=Meta):
    def __init__(self, other): pass
class Plain: pass
class IntSub(int): pass
class VarMeth:
    def m(*args): pass
class Sig:
    __signature__ = Signature([Parameter("s", Parameter.POSITIONAL_ONLY)])
def bad_sig(): pass
bad_sig.__signature__ = "nope"

def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@deco
def decorated(a, b=2): pass

for obj in [f, g, h, k, posonly, lam, C, C(1), C(1).m, C.m, C.cm, C.sm, C.__init__, New, Both,
            WithMeta, Plain, VarMeth().m, Sig, decorated, functools.partial(f, 1, c=5),
            functools.partial(f, 1, 2, 3, 4), functools.partial(g, y="t"), functools.partial(C, 1),
            len, sorted, dict.fromkeys, "".join, str.join, [].append, int.__add__, (1).__add__,
            divmod, pow, type, bad_sig, 1, print, min, dict, range]:
    show(obj)
print(inspect.signature(decorated, follow_wrapped=False))
print(inspect.signature(functools.partial(posonly, 1)))
try:
    inspect.signature(functools.partial(posonly, 1, 2, 3))
except ValueError as e:
    print("ValueError", str(e).split(" at ")[0], type(e.__cause__).__name__, e.__cause__)

class PM:
    def meth(self, a, b, c=3): pass
    pm = functools.partialmethod(meth, 1)
    pm2 = functools.partialmethod(meth, b=2)
print(inspect.signature(PM.pm), inspect.signature(PM().pm), inspect.signature(PM.pm2))

# Parameter
p = Parameter("x", Parameter.KEYWORD_ONLY, default=1, annotation=int)
print(p, repr(p), p.name, p.kind, p.default, p.annotation, p.replace(name="y"), p.replace(default=Parameter.empty))
print(p == Parameter("x", Parameter.KEYWORD_ONLY, default=1, annotation=int), p == 3, hash(p) == hash(p.replace()))
print(Parameter("a", 0), Parameter(".0", Parameter.POSITIONAL_OR_KEYWORD), Parameter("lambda", Parameter.POSITIONAL_ONLY))
print(repr(Parameter.POSITIONAL_ONLY), str(Parameter.VAR_KEYWORD), int(Parameter.KEYWORD_ONLY), Parameter.empty, Signature.empty)
for args, kw in [(("x", 9), {}), (("x", Parameter.VAR_POSITIONAL), {"default": 1}),
                 (("x", Parameter.VAR_KEYWORD), {"default": 1}), ((1, Parameter.POSITIONAL_ONLY), {}),
                 ((Parameter.empty, 0), {}), (("1x", 0), {}), (("def", 1), {}),
                 ((".1", Parameter.KEYWORD_ONLY), {})]:
    try:
        print(Parameter(*args, **kw))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Signature construction and validation
P = Parameter
print(Signature(), Signature([P("a", P.POSITIONAL_ONLY), P("b", P.POSITIONAL_OR_KEYWORD, default=1),
                            P("c", P.KEYWORD_ONLY)], return_annotation="ret"))
print(Signature([P("a", P.POSITIONAL_ONLY)]), Signature([P("a", P.POSITIONAL_ONLY), P("k", P.VAR_KEYWORD)]))
for params in [[P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)],
               [P("a", 1, default=1), P("b", 1)],
               [P("a", 1), P("a", 3)]]:
    try:
        Signature(params)
    except ValueError as e:
        print("ValueError", e)
s = inspect.signature(f)
print(s == inspect.signature(f), s != inspect.signature(g), hash(s) == hash(inspect.signature(f)))
print(inspect.signature(h) == Signature([P("only", P.KEYWORD_ONLY)]), s.replace(return_annotation=Signature.empty))
print(repr(s), s.return_annotation, list(s.parameters), type(s.parameters).__name__)
print(Signature.from_callable(g), Signature.from_callable(decorated, follow_wrapped=False))

# binding
def target(a, b, /, c, d=4, *args, e, f=6, **kw): pass
ts = inspect.signature(target)
for args, kw in [((1, 2, 3), {"e": 5}), ((1, 2, 3, 4, 5, 6), {"e": 0, "z": 9}), ((1, 2), {"c": 3, "e": 1}),
                 ((1,), {}), ((1, 2, 3), {}), ((1, 2, 3), {"e": 1, "a": 2}), ((1,), {"b": 2}),
                 ((1, 2, 3), {"c": 4, "e": 1})]:
    try:
        ba = ts.bind(*args, **kw)
        print(ba, ba.args, ba.kwargs)
        ba.apply_defaults()
        print(ba.arguments)
    except TypeError as e:
        print("TypeError", e)
def simple(a, b=2): pass
ss = inspect.signature(simple)
for args, kw in [((1, 2, 3), {}), ((), {"a": 1, "zz": 2}), ((1,), {"a": 1})]:
    try:
        ss.bind(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
try:
    inspect.signature(h).bind(1)
except TypeError as e:
    print("TypeError", e)
bp = ts.bind_partial(1, e=2)
print(bp, bp.args, bp.kwargs, bp.signature is ts)
bp.apply_defaults()
print(bp)
print(ss.bind(1) == ss.bind(1), ss.bind(1) == ss.bind(2), ss.bind(1) == 1)
print(inspect.signature(k).bind(x=1, y=2).kwargs, inspect.signature(lam).bind(1, 2, 3).args)
