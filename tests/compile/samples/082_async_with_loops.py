async def f(src):
    async for x in src:
        async with x as y:
            if y:
                continue
            if not y:
                break
            return y
    else:
        return None


async def g():
    try:
        await a()
    except Exception:
        await b()
    finally:
        await c()
