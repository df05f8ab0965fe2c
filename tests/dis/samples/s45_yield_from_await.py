"""yield from and await loops (SEND and JUMP_BACKWARD_NO_INTERRUPT)."""
import asyncio


def relay(inner):
    value = yield from inner
    yield value
    return (yield)


async def waiter(fut):
    await fut
    result = await asyncio.sleep(0, result=5)
    return result


async def gather_all(*coros):
    return [await c for c in coros]


def generator_in_generator():
    yield from (yield from range(3))
