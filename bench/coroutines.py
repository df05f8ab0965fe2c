# Coroutines (pyperformance's bm_coroutines): a recursive Fibonacci in `async def`
# functions awaiting each other, driven by send(None) until StopIteration.
async def fibonacci(n):
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def run(coro):
    try:
        coro.send(None)
    except StopIteration as exc:
        return exc.value
    raise RuntimeError("coroutine did not finish")


print(run(fibonacci(31)))
