# Exceptions in threads: threading.excepthook prints them to stderr; a custom hook
# sees the arguments; SystemExit in a thread is silent; _thread's unraisable report.
import threading, _thread, sys, time

def boom():
    raise ValueError("bad value in thread")
t = threading.Thread(target=boom, name="T-boom")
t.start(); t.join()
print("after boom")

def quiet():
    raise SystemExit(3)
t = threading.Thread(target=quiet); t.start(); t.join()
print("after SystemExit")

caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
t = threading.Thread(target=boom, name="T-hooked"); t.start(); t.join()
print(caught)
threading.excepthook = threading.__excepthook__

done = _thread.allocate_lock()
done.acquire()
def raw():
    try:
        raise KeyError("raw thread")
    finally:
        done.release()
def report(u):
    print("unraisable:", u.exc_type.__name__, u.err_msg, u.object.__name__)
sys.unraisablehook = report
_thread.start_new_thread(raw, ())
done.acquire()
time.sleep(0.05)
