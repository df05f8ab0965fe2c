# Generator resumption, close() and throw() under a trace function: a 'call' event on
# every resume (and on a throw), 'return' on every yield.
import sys

def tracer(frame, event, arg):
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    if event == 'exception':
        arg = arg[0].__name__
    print(event, frame.f_code.co_name, rel, repr(arg) if event in ('return', 'exception') else '')
    return tracer

def generator_function():
    try:
        yield True
        "continued"
    finally:
        "finally"

def generator_example():
    x = any(generator_function())
    for x in range(3):
        y = x

def gen2():
    try:
        yield 1
    except KeyError:
        yield 2

def delegator():
    r = yield from gen2()
    return r

sys.settrace(tracer)
generator_example()
g = delegator()
next(g)
print(g.throw(KeyError))
g.close()
squares = [n * n for n in range(2)]
total = sum(n for n in range(2))
sys.settrace(None)
print(squares, total)
