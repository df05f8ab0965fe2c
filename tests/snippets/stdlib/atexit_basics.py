# atexit: register/unregister/_run_exitfuncs/_clear/_ncallbacks.
import atexit

base = atexit._ncallbacks()
calls = []


def f(*args, **kwargs):
    calls.append(('f', args, kwargs))


def g():
    calls.append('g')


print(atexit.register(f, 1, 2, key='v') is f, atexit.register(g) is g)
print(atexit._ncallbacks() - base)
atexit.register(f)
atexit.unregister(f)
print(atexit._ncallbacks() - base)
atexit._run_exitfuncs()
print(calls, atexit._ncallbacks())
atexit.register(g)
atexit.register(g)
atexit._clear()
print(atexit._ncallbacks())
atexit._run_exitfuncs()
print(calls)


class Eq:
    def __eq__(self, other):
        raise RuntimeError('eq failed')


atexit.register(g)
for t in ["atexit.register()", "atexit.register(1)", "atexit.register(None, 1)", "atexit.unregister()",
          "atexit.unregister(Eq())", "atexit.unregister(print)", "atexit._ncallbacks(1)"]:
    try:
        print(t, eval(t))
    except Exception as e:
        print(t, type(e).__name__, e)
atexit._clear()
atexit.register(print, 'at exit', 1, sep='-')
print(sorted(n for n in dir(atexit) if not n.startswith('__')))
print(atexit.register.__doc__.splitlines()[0], atexit.__doc__.splitlines()[0])
