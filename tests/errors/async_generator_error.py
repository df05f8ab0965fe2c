"""Uncaught exception raised inside an async generator consumed by async for."""
async def agen():
    yield 1
    raise ValueError("inside async gen")
async def main():
    async for x in agen():
        print(x)
main().send(None)
