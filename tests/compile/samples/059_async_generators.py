async def agen(n):
    for i in range(n):
        yield i
        await sleep(0)


async def consume():
    result = [x async for x in agen(3) if x]
    gen = (await y for y in things)
    d = {k: await v for k, v in pairs}
    async with a as x, b as y:
        return x, y


async def loops():
    async for x in agen(5):
        if x:
            continue
        if x > 3:
            break
    return [i async for i in agen(2) async for j in agen(i)]
