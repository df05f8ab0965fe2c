import faulthandler, sys, os, tempfile, io

def f():
    g()
def g():
    with tempfile.TemporaryFile() as t:
        faulthandler.dump_traceback(t, all_threads=False)
        t.seek(0)
        print(t.read().decode())
        t.seek(0); t.truncate()
        faulthandler.dump_traceback(t.fileno(), all_threads=True)
        t.seek(0)
        data = t.read().decode()
        line0 = data.splitlines()[0]
        print(line0[:17], line0[-26:], len(line0), all(c in "0123456789abcdef" for c in line0[17:31]))
        print(data.splitlines()[1:])
f()
print(faulthandler.is_enabled())
print(faulthandler.enable())
print(faulthandler.is_enabled())
print(faulthandler.enable(sys.stdout, False))
print(faulthandler.disable(), faulthandler.disable())
print(faulthandler.is_enabled())
for a in [-1, 'x', io.StringIO(), 2**40, 1.5]:
    try: faulthandler.dump_traceback(a); print('ok')
    except Exception as e: print(type(e).__name__, e)
class F:
    def fileno(self): return -2
class G:
    def fileno(self): return 'x'
for o in [F(), G()]:
    try: faulthandler.dump_traceback(o)
    except Exception as e: print(type(e).__name__, e)
for call in [lambda: faulthandler.enable(all_threads=[]), lambda: faulthandler.dump_traceback(1, 2, 3),
             lambda: faulthandler.dump_traceback(bogus=2), lambda: faulthandler.is_enabled(1)]:
    try: call()
    except Exception as e: print(type(e).__name__, e)
class H:
    def __init__(self): self.flushed = 0
    def fileno(self): return sys.stdout.fileno()
    def flush(self): self.flushed += 1; sys.stdout.flush()
h = H()
exec(compile("faulthandler.dump_traceback(h, False)", "<caf\xe9\u20ac\U0001f600>", "exec"))
print(h.flushed)
def x():
    return lambda: faulthandler.dump_traceback(sys.stdout, False)
sys.stdout.flush()
x()()
sys.stderr = None
try: faulthandler.enable()
except Exception as e: print(type(e).__name__, e)
sys.stderr = sys.__stderr__
