# with statements, exceptions caught and uncaught, re-raise, and a trace function
# that raises (tracing stops) or returns None (local tracing stops).
import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event != 'return' or isinstance(arg, CM):
        arg = type(arg).__name__ if arg is not None else None
    print(event, frame.f_code.co_name, rel, arg)
    return tracer

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return exc[0] is KeyError

def with_block():
    with CM() as c:
        x = 1
    with CM():
        raise KeyError('swallowed')
    return x

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        raise

def outer():
    try:
        reraiser()
    finally:
        y = 2

sys.settrace(tracer)
with_block()
try:
    outer()
except ZeroDivisionError as e:
    print('caught', e)
sys.settrace(None)

def failing_tracer(frame, event, arg):
    if event == 'line':
        raise RuntimeError('tracer failed')
    return failing_tracer

def victim():
    a = 1
    return a

sys.settrace(failing_tracer)
try:
    victim()
except RuntimeError as e:
    print('RuntimeError', e, sys.gettrace())

def once(frame, event, arg):
    print('once', event, frame.f_code.co_name)
    return None

def two_lines():
    a = 1
    b = 2
    return a + b

sys.settrace(once)
print(two_lines())
sys.settrace(None)

def opcodes(frame, event, arg):
    if frame.f_code.co_name == 'tiny':
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        print(event)
    return opcodes

def tiny():
    return 1

sys.settrace(opcodes)
tiny()
sys.settrace(None)
