"""Async generators driven by hand: async for, asend/athrow/aclose, async comprehensions, errors and states."""
import sys
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen(n):
    for i in range(n):
        try:
            yield i
        except KeyError as e:
            print("agen caught", repr(e))
            yield "recovered"
    print("agen end")
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    print(out)
    g = agen(5)
    print(await g.__anext__(), await g.asend(None), await g.athrow(KeyError("k")))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stopped after aclose")
    print([x async for x in agen(2)], [x * 2 async for x in agen(3) if x])
    g2 = agen(1)
    print(type(g2).__name__, g2.__name__, g2.__qualname__, g2.ag_running, g2.ag_code.co_name, g2.ag_frame is not None)
    print(repr(g2).split(" at ")[0])
    a = g2.__anext__()
    print(type(a).__name__)
    print(await a)
    try:
        await a
    except RuntimeError as e:
        print("RuntimeError", e)
    async def bad():
        yield 1
        raise StopAsyncIteration
    try:
        async for _ in bad():
            pass
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__)
    async def ignore_exit():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    ig = ignore_exit()
    await ig.__anext__()
    try:
        await ig.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    async def fin():
        try:
            yield 1
        finally:
            print("fin cleanup")
    f = fin()
    await f.__anext__()
    await f.aclose()
    print(f.ag_frame)
    async def awaits():
        class Aw:
            def __await__(self):
                v = yield "through"
                return v
        x = await Aw()
        yield x
    aw = awaits()
    step = aw.__anext__()
    print(step.send(None))
    try:
        step.send("sent in")
    except StopIteration as e:
        print("yielded", e.value)
    try:
        await agen(1).athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow unstarted", e)
    ag = agen(3)
    try:
        await ag.asend(5)
    except TypeError as e:
        print("TypeError", e)
    return "done"
print(run(main()))
try:
    agen(1).__anext__().send(1) if False else None
    for x in agen(1):
        pass
except TypeError as e:
    print("TypeError", e)
async def gen_with_return():
    yield 1
