# contextvars: ContextVar, Token, Context (mirrors Python/context.c).
import contextvars
from contextvars import ContextVar, Context, Token, copy_context
import re


def norm(s):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", s)


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", norm(repr(r)))
    except Exception as e:
        print(type(e).__name__, norm(str(e)))


x = ContextVar("x", default=1)
y = ContextVar("y")
print(norm(repr(x)), norm(repr(y)))
print(x.name, y.name, type(x).__name__, type(x).__module__)
print(x.get(), y.get("dflt"), x.get(5))
err(y.get)
err(ContextVar, 1)
err(ContextVar)
err(ContextVar, "a", "b")
err(ContextVar, "a", foo=1)
err(ContextVar, "a", "b", "c")
err(ContextVar, "a", "b", default=2)
err(ContextVar, name="a")
print(ContextVar[int], Token[str])

t = x.set(10)
print(x.get(), norm(repr(t)), t.var is x, t.old_value is Token.MISSING, Token.MISSING)
t2 = x.set(20)
print(x.get(), t2.old_value)
x.reset(t2)
print(x.get())
err(x.reset, t2)
print(norm(repr(t2)))
err(y.reset, t)
err(x.reset, "nope")
x.reset(t)
print(x.get())
err(Token)

# copy_context and isolation
ty = y.set("outer")
ctx = copy_context()
print(type(ctx).__name__, len(ctx), y in ctx, x in ctx, ctx[y], ctx.get(x), ctx.get(x, 3))
y.set("later")
print(ctx[y], y.get())
err(ctx.__getitem__, x)
err(ctx.__getitem__, "y")
err(ctx.get, 1)
err(lambda: 1 in ctx)
print(norm(repr(list(ctx))), list(ctx.keys()) == [y], list(ctx.values()), [(k.name, v) for k, v in ctx.items()])


def inside(a, b=0):
    print("inside", y.get(), a, b)
    y.set("changed-inside")
    x.set(99)
    tok = y.set("again")
    print("inside", y.get(), x.get())
    return a + b


print(ctx.run(inside, 1, b=2))
print(ctx[y], ctx[x], len(ctx), y.get(), x.get())
err(ctx.run)


def reenter():
    ctx.run(lambda: None)


err(ctx.run, reenter)

# a token from another context
holder = []
ctx2 = Context()
print(len(ctx2), list(ctx2))
ctx2.run(lambda: holder.append(y.set("c2")))
err(y.reset, holder[0])
err(Context, 1)

# copies compare equal until they diverge; not hashable
c1 = copy_context()
c2 = c1.copy()
print(c1 == c2, c1 != c2, c1 == 1)
c2.run(y.set, "diverge")
print(c1 == c2, c1[y], c2[y])
err(hash, c1)
print(isinstance(ctx, contextvars.Context), issubclass(Context, object))

# exceptions leave the context
def boom():
    y.set("boom")
    raise ValueError("inner")


c3 = copy_context()
err(c3.run, boom)
print(c3[y], y.get())
c3.run(lambda: print("re-entered", y.get()))

# subclassing is refused
for cls in (ContextVar, Context, Token):
    try:
        type("S", (cls,), {})
    except TypeError as e:
        print("TypeError", e)

import fractions, decimal
print(fractions.Fraction(1, 3) + 1, decimal.Decimal("1.1") + 1)
with decimal.localcontext() as lc:
    lc.prec = 5
    print(decimal.Decimal(1) / 7)
print(decimal.Decimal(1) / 7)
