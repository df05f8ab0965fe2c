import sys

def make_jumper(frm, to, once=True):
    state = {'done': False}
    def tracer(frame, event, arg):
        if frame.f_code.co_name != 'target':
            return tracer
        if event == 'line' and frame.f_lineno == frame.f_code.co_firstlineno + frm and not state['done']:
            state['done'] = True
            try:
                frame.f_lineno = frame.f_code.co_firstlineno + to
                print('jumped', frm, '->', to)
            except ValueError as e:
                print('ValueError:', e)
        return tracer
    return tracer

def run(func, frm, to):
    global target
    target = func
    out = []
    sys.settrace(make_jumper(frm, to))
    try:
        func(out)
    except Exception as e:
        print(type(e).__name__, e)
    sys.settrace(None)
    print(out)

def t_forward(out):
    out.append(1)
    out.append(2)
    out.append(3)

def t_back(out):
    out.append(1)
    out.append(2)
    out.append(3)

def t_into_for(out):
    out.append(1)
    for i in range(2):
        out.append(i)
    out.append(3)

def t_out_of_for(out):
    for i in range(3):
        out.append(i)
    out.append(9)

def t_into_except(out):
    out.append(1)
    try:
        out.append(2)
    except ValueError:
        out.append(3)
    out.append(4)

def t_after(out):
    out.append(1)

def t_with(out):
    import contextlib
    with contextlib.nullcontext():
        out.append(1)
    out.append(2)

run(t_forward, 1, 3)
run(t_back, 3, 1)
run(t_into_for, 1, 3)
run(t_out_of_for, 2, 3)
run(t_into_except, 1, 5)
run(t_after, 1, 100)
run(t_after, 1, -5)
run(t_with, 3, 4)
run(t_with, 4, 3)

def tr2(frame, event, arg):
    if frame.f_code.co_name == 'callee':
        try:
            frame.f_lineno = 1
        except ValueError as e:
            print(event, 'ValueError:', e)
        try:
            frame.f_lineno = "x"
        except ValueError as e:
            print(event, 'ValueError:', e)
    return tr2

def callee():
    try:
        1/0
    except ZeroDivisionError:
        pass
    return 1

sys.settrace(tr2)
callee()
sys.settrace(None)
fr = sys._getframe()
try:
    fr.f_lineno = 3
except ValueError as e:
    print('ValueError:', e)
try:
    fr.f_trace_lines = 1
except TypeError as e:
    print('TypeError:', e)
print(fr.f_trace_lines, fr.f_trace_opcodes)
