"""Uncaught ZeroDivisionError through an await chain of coroutines."""
async def helper(n):
    return 10 // n
async def main():
    return await helper(0)
main().send(None)
