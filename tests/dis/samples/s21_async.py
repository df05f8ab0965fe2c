"""async def, await, async for, async with and async comprehensions."""


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Resource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def fetch(x):
    return x * 2


async def main_task():
    total = 0
    async for i in Ticker(3):
        total += await fetch(i)
    async with Resource() as r:
        total += 1
    return total


async def comprehensions(source):
    doubled = [x async for x in source]
    awaited = [await fetch(x) for x in range(3)]
    return doubled, awaited


async def agen(n):
    for i in range(n):
        yield i
        await fetch(i)


async def consume():
    return [x async for x in agen(3) if x]


def warmup():
    coro = main_task()
    try:
        coro.send(None)
    except StopIteration:
        pass
