def g(paths):
    for p in paths:
        with open(p) as f:
            yield from f
        try:
            yield p
        finally:
            print(p)


async def ag(session):
    async with session.get() as r:
        async for chunk in r:
            yield chunk
