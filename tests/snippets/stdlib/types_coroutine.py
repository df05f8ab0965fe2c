# types.coroutine: generator functions become iterable coroutines (code.replace on
# their flags); other callables are wrapped; code.replace's checks and errors.
import types


@types.coroutine
def gen():
    x = yield 1
    return x * 2


print(hex(gen.__code__.co_flags), gen.__code__.co_flags & 0x100 != 0)


async def main():
    return await gen()


c = main()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("StopIteration", e.value)


async def native():
    return 1


print(types.coroutine(native) is native)
try:
    types.coroutine(1)
except TypeError as e:
    print("TypeError:", e)


class G:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n

    def send(self, v):
        return next(self)

    def throw(self, *a):
        raise a[0]

    def close(self):
        pass


import collections.abc
collections.abc.Generator.register(G)


@types.coroutine
def make():
    return G()


w = make()
print(type(w).__name__, w.__name__ if hasattr(w, "__name__") else None, next(w), w.send(None))


def plain(a, b=2, *c, d, **e):
    x = 1

    def inner():
        return x + a
    return inner


co = plain.__code__
r = co.replace(co_name="renamed", co_flags=co.co_flags | 0x100)
print(r.co_name, r.co_qualname, r.co_flags - co.co_flags, r.co_varnames, r.co_cellvars,
      r.co_freevars, r.co_nlocals, r.co_argcount, r.co_kwonlyargcount, r == co, r.co_code == co.co_code)
print(co.replace() == co, co.replace().co_consts == co.co_consts)
inner = plain(1, d=3).__code__
print(inner.co_freevars, inner.replace(co_freevars=("y",)).co_freevars)
for kw in [dict(co_consts=[1]), dict(co_code=1), dict(co_name=1), dict(co_argcount="a"),
           dict(co_nlocals=99), dict(co_varnames=("a",)), dict(co_argcount=-1),
           dict(co_names=(1,)), dict(co_code=b"\x00"), dict(co_flags=-1), dict(bogus=1),
           dict(co_argcount=2 ** 40), dict(co_varnames=(1, 2, 3, 4, 5, 6)),
           dict(co_posonlyargcount=5), dict(co_filename=b"x"), dict(co_linetable="x")]:
    try:
        co.replace(**kw)
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    co.replace(1)
except TypeError as e:
    print("TypeError:", e)
f2 = types.FunctionType(co.replace(co_name="f2"), globals())
print(f2(5, 2, d=1)(), f2.__name__)
