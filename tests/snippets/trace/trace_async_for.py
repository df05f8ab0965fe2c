# async for over a class with __anext__ and over an async generator: the StopIteration
# that SEND and FOR_ITER see while tracing gets an exception event, as in CPython.
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, type(arg).__name__ if event in ('return', 'exception') else '')
    return tracer

class AsyncIteratorWrapper:
    def __init__(self, obj):
        self._it = iter(obj)
    def __aiter__(self):
        return self
    async def __anext__(self):
        try:
            return next(self._it)
        except StopIteration:
            raise StopAsyncIteration

async def asynciter(iterable):
    for x in iterable:
        yield x

async def f():
    async for x in AsyncIteratorWrapper(range(2)):
        y = x
    async for z in asynciter([1]):
        pass

def run(coro):
    try:
        coro.send(None)
    except StopIteration:
        pass

sys.settrace(tracer)
run(f())
sys.settrace(None)

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n

def loop():
    for i in It():
        pass

sys.settrace(tracer)
loop()
sys.settrace(None)
