import sys

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    print(event, name, frame.f_lineno, arg if event != 'call' else '')
    return tracer

def f(n):
    total = 0
    for i in range(n):
        total += i
    return total

def g():
    yield 1
    x = 2
    yield x

def h():
    try:
        raise ValueError("boom")
    except ValueError as e:
        pass
    return [i * 2 for i in range(2)]

def k():
    raise KeyError(3)

sys.settrace(tracer)
f(3)
list(g())
h()
try:
    k()
except KeyError:
    pass
sys.settrace(None)
print(sys.gettrace())
