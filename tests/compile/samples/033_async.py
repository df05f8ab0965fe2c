import asyncio


async def fetch(x):
    await asyncio.sleep(1)
    return x


async def many():
    async with lock as l:
        await l.do()
    async for item in source():
        print(item)
    else:
        print("end")
    r = [await fetch(i) for i in range(3)]
    s = [i async for i in agen()]
    return r, s


async def agen():
    yield 1
    await other()
