# "coroutine '...' was never awaited" (RuntimeWarning, issued through
# warnings._warn_unawaited_coroutine with the coroutine as the source).
import gc
import warnings


async def coro():
    return 1


class K:
    async def method(self):
        pass


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    c = coro()
    del c
    m = K().method()
    m = None
    done = coro()
    try:
        done.send(None)
    except StopIteration as e:
        print("finished", e.value)
    del done
    started = coro()
    started.close()
    del started
    gc.collect()
for w in log:
    print(w.category.__name__, w.message, w.lineno, type(w.source).__name__, w.source.__qualname__)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    c = coro()
    del c
print("after error filter")
