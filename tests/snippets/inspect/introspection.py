# inspect's predicates, members, source, frames and generator states.
import abc
import functools
import inspect
import sys
import types

# A comment block
# above the function.
def gen():
    x = 1
    yield x
    yield 2

async def coro():
    pass

async def agen():
    yield 1

class Base(abc.ABC):
    """Base docstring.

        Indented more.
    """
    attr = 1
    @abc.abstractmethod
    def run(self): ...
    @property
    def prop(self):
        "the property"
        return 1
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass

class Impl(Base):
    def run(self):
        return 42

lam = lambda: 0
obj = Impl()
g = gen()
c = coro()
ag = agen()
frame = sys._getframe()
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__

preds = ["ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction", "isgenerator",
         "iscoroutinefunction", "iscoroutine", "isasyncgenfunction", "isasyncgen", "isawaitable",
         "istraceback", "isframe", "iscode", "isbuiltin", "ismethodwrapper", "isroutine",
         "isabstract", "ismethoddescriptor", "isdatadescriptor", "ismemberdescriptor",
         "isgetsetdescriptor"]
objects = [("inspect", inspect), ("Impl", Impl), ("Base", Base), ("obj.run", obj.run), ("gen", gen),
           ("g", g), ("coro", coro), ("c", c), ("agen", agen), ("ag", ag), ("tb", tb),
           ("frame", frame), ("code", gen.__code__), ("len", len), ("[].append", [].append),
           ("(1).__add__", (1).__add__), ("int.__add__", int.__add__), ("str.join", str.join),
           ("prop", Base.prop), ("slot", types.FunctionType.__dict__["__code__"]),
           ("member", type(range(1)).__dict__.get("start")), ("lam", lam), ("1", 1),
           ("partial", functools.partial(gen)), ("cm", Base.cm), ("sm", Base.sm)]
for name, o in objects:
    print(name, [p[2:] for p in preds if getattr(inspect, p)(o)])
c.close()

print(inspect.CO_OPTIMIZED, inspect.CO_NEWLOCALS, inspect.CO_VARARGS, inspect.CO_VARKEYWORDS,
      inspect.CO_NESTED, inspect.CO_GENERATOR, inspect.CO_NOFREE, inspect.CO_COROUTINE,
      inspect.CO_ITERABLE_COROUTINE, inspect.CO_ASYNC_GENERATOR, inspect.TPFLAGS_IS_ABSTRACT)

# generator and coroutine states
def watcher():
    yield inspect.getgeneratorstate(w)
w = watcher()
print(inspect.getgeneratorstate(w), inspect.getgeneratorlocals(w))
print(next(w), inspect.getgeneratorstate(w))
w.close()
print(inspect.getgeneratorstate(w), inspect.getgeneratorlocals(w))
g2 = gen(); next(g2)
print(inspect.getgeneratorlocals(g2))
try:
    inspect.getgeneratorlocals(1)
except TypeError as e:
    print("TypeError", e)
c2 = coro()
print(inspect.getcoroutinestate(c2), inspect.getcoroutinelocals(c2))
try:
    c2.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(c2), inspect.getcoroutinelocals(c2))

# members
print([n for n, v in inspect.getmembers(Impl) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(obj, inspect.ismethod)])
print([n for n, v in inspect.getmembers(Impl, inspect.isfunction)])
print([(n, type(v).__name__) for n, v in inspect.getmembers_static(Impl) if not n.startswith("_")])
print(inspect.getmro(Impl) == Impl.__mro__)
for a in inspect.classify_class_attrs(Impl):
    if not a.name.startswith("__") or a.name in ("__init__", "__doc__"):
        print(a.name, a.kind, a.defining_class.__name__, type(a.object).__name__)

# getattr_static
class Dyn:
    x = "class"
    def __getattr__(self, name):
        return "dynamic"
    @property
    def p(self):
        raise RuntimeError
d = Dyn(); d.y = "instance"; d.__dict__["p"] = "shadowed?"
print(inspect.getattr_static(d, "x"), inspect.getattr_static(d, "y"), type(inspect.getattr_static(d, "p")).__name__,
      inspect.getattr_static(d, "zz", "default"), inspect.getattr_static(Dyn, "x"),
      inspect.getattr_static(Dyn, "__name__") if False else inspect.getattr_static(Dyn, "mro").__name__)
try:
    inspect.getattr_static(d, "zz")
except AttributeError as e:
    print("AttributeError", e)

# unwrap
def inner(): pass
@functools.wraps(inner)
def outer(): pass
print(inspect.unwrap(outer) is inner, inspect.unwrap(outer, stop=lambda f: f is outer) is outer)
loop = lambda: 0
loop.__wrapped__ = loop
try:
    inspect.unwrap(loop)
except ValueError as e:
    print("ValueError", str(e).split(" at ")[0])

# docs and comments
print(repr(inspect.getdoc(Base)), repr(inspect.getdoc(Impl)), repr(inspect.getdoc(Impl.prop)))
print(repr(inspect.getdoc(Impl.run)), repr(inspect.getdoc(obj.run)), repr(inspect.getdoc(1)) [:20])
print(repr(inspect.cleandoc("  first\n    second\n      third\n\n")), repr(inspect.cleandoc("\n\n  x\n\t y\n")))
print(repr(inspect.getcomments(gen)), inspect.getcomments(Impl), inspect.getcomments(len))
print(inspect.indentsize("  \tx"))

# source
print(inspect.getsource(gen), end="")
print(inspect.getsourcelines(Impl.run))
print(inspect.getsource(lam), end="")
print(inspect.getsourcefile(gen) == __file__, inspect.getfile(gen) == __file__, inspect.getfile(tb) == __file__)
print(inspect.getmodule(gen).__name__, inspect.getmodule(gen.__code__).__name__, inspect.getmodule(len).__name__)
print(inspect.getmodulename("/a/b/mod.py"), inspect.getmodulename("x.txt"))
print(inspect.findsource(Impl)[1], inspect.findsource(gen)[1], len(inspect.findsource(inspect.getmodule(gen))[0]) > 10)
for bad in [len, 1, int, sys]:
    try:
        inspect.getsource(bad)
    except (TypeError, OSError) as e:
        print(type(e).__name__, e)
try:
    inspect.getfile(1)
except TypeError as e:
    print("TypeError", e)

# frames
def where():
    info = inspect.getframeinfo(inspect.currentframe())
    print(info.function, info.lineno > 0, info.code_context, info.index, type(info).__name__)
    print(info.positions.lineno == info.lineno, info.positions.col_offset is not None)
    st = inspect.stack()
    print(st[0].function, st[1].function, st[0].code_context, type(st[0]).__name__)
    print(st[0][3], st[0].frame is sys._getframe(), len(inspect.stack(0)[0].code_context or []))
    return inspect.getouterframes(sys._getframe(), context=3)[0]
fi = where()
print(fi.function, len(fi.code_context), fi.index)
try:
    [][1]
except IndexError as e:
    print([(f.function, f.code_context) for f in inspect.getinnerframes(e.__traceback__)])
    print([f.function for f in inspect.trace()])
print(inspect.getlineno(sys._getframe()) > 0)
def args_frame(a, b=2, *rest, key=None, **extra):
    return inspect.getargvalues(sys._getframe())
av = args_frame(1, 3, 4, key=5, z=6)
print(av.args, av.varargs, av.keywords, sorted(av.locals))
print(inspect.formatargvalues(*av))
print(inspect.getargs(args_frame.__code__))
try:
    inspect.getargs(1)
except TypeError as e:
    print("TypeError", e)

# argument specs and calls
def spec(a, b=1, *args, c, d=2, **kw) -> str: pass
print(inspect.getfullargspec(spec))
print(inspect.getfullargspec(obj.run), inspect.getfullargspec(len))
try:
    inspect.getfullargspec(1)
except TypeError as e:
    print("TypeError", e, type(e.__cause__).__name__)
print(inspect.getcallargs(spec, 1, c=3), inspect.getcallargs(spec, 1, 2, 3, c=4, x=5))
print({k: type(v).__name__ for k, v in inspect.getcallargs(obj.run).items()})
def two(a, b): pass
def kwo(*, a, b, c): pass
def dflt(a, b=1): pass
for fn, args, kw in [(two, (1,), {}), (two, (), {}), (two, (1, 2, 3), {}), (two, (1,), {"a": 2}),
                     (two, (1, 2), {"z": 1}), (kwo, (), {"a": 1}), (kwo, (), {}), (dflt, (1, 2, 3), {}),
                     (spec, (), {}), (spec, (1,), {}), (dflt, (1, 2, 3), {"zz": 1} if False else {}),
                     (kwo, (1,), {"a": 1})]:
    try:
        print(inspect.getcallargs(fn, *args, **kw))
    except TypeError as e:
        print("TypeError", e)

# closures and annotations
G = 10
def make():
    n = 5
    def f(x):
        return n + G + len(x) + undefined_name + x.attr
    return f
cv = inspect.getclosurevars(make())
print(cv.nonlocals, cv.globals, sorted(cv.builtins), sorted(cv.unbound), type(cv).__name__)
print(inspect.getclosurevars(obj.run))
try:
    inspect.getclosurevars(len)
except TypeError as e:
    print("TypeError", e)
def ann(a: "int", b: list = None) -> "str": pass
print(inspect.get_annotations(ann), inspect.get_annotations(ann, eval_str=True))
class Ann:
    x: "int"
    y: float
class AnnSub(Ann):
    pass
print(inspect.get_annotations(Ann), inspect.get_annotations(Ann, eval_str=True), inspect.get_annotations(AnnSub))
print(inspect.get_annotations(functools.partial(ann)), inspect.get_annotations(sys))
try:
    inspect.get_annotations(1)
except TypeError as e:
    print("TypeError", e)
print(inspect.formatannotation(int), inspect.formatannotation(list[int]), inspect.formatannotation(Impl),
      inspect.formatannotation("x"), inspect.formatannotationrelativeto(Impl)(Impl))
print(inspect.getclasstree([Impl, Base], unique=True))
