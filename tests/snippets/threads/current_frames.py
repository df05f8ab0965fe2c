import sys, threading
ev = threading.Event(); go = threading.Event()
def worker():
    try:
        raise KeyError('k')
    except KeyError:
        go.set(); ev.wait()
t = threading.Thread(target=worker); t.start(); go.wait()
d = sys._current_frames()
print(sorted(f.f_code.co_name for f in d.values()))
e = sys._current_exceptions()
print(sorted(repr(v[1]) for v in e.values()))
print(t.ident in d, threading.get_ident() in d)
ev.set(); t.join()
