import contextlib
import io
import sys
from contextlib import (contextmanager, closing, suppress, redirect_stdout, redirect_stderr,
                        ExitStack, nullcontext, AbstractContextManager, ContextDecorator)

@contextmanager
def tag(name):
    """Print brackets."""
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)

with tag('a') as v:
    print('inside', v)
print(tag.__name__, tag.__doc__, tag('x').__doc__)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print('swallowed', e)

with swallow():
    raise ValueError('boom')
print('after swallow')
try:
    with swallow():
        raise KeyError('k')
except KeyError as e:
    print('KeyError passed', e)

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print('RuntimeError', e)

@contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
@contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        yield
try:
    with keeps_going():
        raise ValueError
except RuntimeError as e:
    print('RuntimeError', e)

@contextmanager
def reraise_other():
    try:
        yield
    except ValueError:
        raise TypeError('converted')
try:
    with reraise_other():
        raise ValueError('orig')
except TypeError as e:
    print('TypeError', e, type(e.__context__).__name__)

@contextmanager
def passthrough():
    yield
try:
    with passthrough():
        raise StopIteration('si')
except StopIteration as e:
    print('StopIteration propagated', e)

@tag('deco')
def decorated(x):
    print('decorated body', x)
    return x * 2
print(decorated(3), decorated(4))

class Thing:
    def close(self):
        print('closed')
with closing(Thing()) as t:
    print(type(t).__name__)

with suppress(KeyError, IndexError):
    [][1]
print('suppressed')
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print('not suppressed', e)
with suppress():
    pass

buf = io.StringIO()
with redirect_stdout(buf) as f:
    print('captured')
print(repr(buf.getvalue()), f is buf)
ebuf = io.StringIO()
with redirect_stderr(ebuf):
    print('to err', file=sys.stderr)
print(repr(ebuf.getvalue()))

with nullcontext(5) as n:
    print('null', n)
with nullcontext() as n:
    print('null', n)

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name
    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)
        return self.suppress

with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in 'abc']
    stack.callback(print, 'callback', 1, sep='-')
    print(names)

with ExitStack() as stack:
    stack.enter_context(CM('s', suppress=True))
    stack.enter_context(CM('t'))
    raise ValueError('in stack')
print('suppressed by stack')

def fail_exit(*exc):
    raise KeyError('from exit')
try:
    with ExitStack() as stack:
        stack.push(fail_exit)
        stack.enter_context(CM('u'))
        raise ValueError('first')
except KeyError as e:
    print('KeyError', e, repr(e.__context__))

with ExitStack() as stack:
    stack.enter_context(CM('p'))
    moved = stack.pop_all()
print('popped')
moved.close()

try:
    ExitStack().enter_context(5)
except TypeError as e:
    print(e)

@ExitStack().callback
def cb():
    pass
print(cb.__name__)

class Deco(ContextDecorator):
    def __enter__(self):
        print('Deco enter')
    def __exit__(self, *a):
        print('Deco exit')
@Deco()
def f():
    print('f body')
f()

print(issubclass(CM, AbstractContextManager), issubclass(int, AbstractContextManager))
print(isinstance(nullcontext(), contextlib.AbstractAsyncContextManager))
print(AbstractContextManager[int])


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError('coroutine suspended')

@contextlib.asynccontextmanager
async def atag(name):
    print('a<%s>' % name)
    try:
        yield name
    finally:
        print('a</%s>' % name)

async def main():
    async with atag('x') as v:
        print('async inside', v)
    async with contextlib.AsyncExitStack() as stack:
        r = await stack.enter_async_context(atag('y'))
        stack.push_async_callback(noop)
        stack.callback(print, 'sync cb')
        print('stack got', r)
    async with nullcontext(7) as n:
        print('async null', n)
    class AG:
        async def aclose(self):
            print('aclosed')
    async with contextlib.aclosing(AG()):
        pass
    try:
        async with atag('z'):
            raise ValueError('async boom')
    except ValueError as e:
        print('async ValueError', e)
    return 'done'

async def noop():
    print('async cb')

print(run(main()))
