# atexit: callbacks run at exit, newest first; a failing one is reported as
# unraisable and the rest still run; unregister inside a callback.
import atexit
base = atexit._ncallbacks()
def f(): print('f')
def g(*a, **k): print('g', a, k)
atexit.register(f); atexit.register(g, 1, x=2); print(atexit._ncallbacks() - base); atexit.unregister(f); print(atexit._ncallbacks() - base)
atexit.register(f); print(atexit._ncallbacks() - base)
for t in ["atexit.register()", "atexit.register(1)", "atexit.unregister()", "atexit.register(print, sep='-') is print"]:
    try: print(t, eval(t))
    except Exception as e: print(t, type(e).__name__, e)
def bad(): raise ValueError('boom')
atexit.register(bad)
atexit.register(print, 'last registered runs first')
def unreg_self():
    print('unregistering g'); atexit.unregister(g)
atexit.register(unreg_self)
