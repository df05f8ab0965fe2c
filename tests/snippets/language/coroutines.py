"""Coroutines driven by hand with send(): await chains, __await__, async with, async comprehension, await errors."""
import sys
async def inner():
    return 5
async def outer():
    v = await inner()
    return v * 2
c = outer()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Aw:
    def __await__(self):
        x = yield "suspended"
        return x
async def useaw():
    r = await Aw()
    return r
c = useaw()
print(c.send(None))
try: c.send("resumed")
except StopIteration as e: print(e.value)
async def agen():
    yield 1
    yield 2
async def consume():
    out = []
    async for v in agen():
        out.append(v)
    return out
c = consume()
try: c.send(None)
except StopIteration as e: print(e.value)
class ACM:
    async def __aenter__(self):
        print("aenter"); return self
    async def __aexit__(self, *a):
        print("aexit", a[0]); return False
async def usecm():
    async with ACM() as m:
        return "in cm"
c = usecm()
try: c.send(None)
except StopIteration as e: print(e.value)
async def comp():
    return [x async for x in agen()]
c = comp()
try: c.send(None)
except StopIteration as e: print(e.value)
c = inner()
print(type(c).__name__, c.cr_code.co_name)
c.close()
try:
    inner().close()
except Exception as e: print(e)
async def bad():
    await 5
try: bad().send(None)
except TypeError as e: print(e)
