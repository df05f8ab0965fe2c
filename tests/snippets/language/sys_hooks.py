# sys hooks and settings: audit hooks, breakpointhook, call_tracing, switch interval,
# dlopen flags, asyncgen hooks, coroutine origin tracking, stdlib_module_names.
import sys

events = []
def hook(event, args):
    if event.startswith("test."):
        events.append((event, args))
sys.addaudithook(hook)
sys.audit("test.event", 1, "two", None)
sys.audit("test.noargs")
print(events)
for bad in [(), (1,)]:
    try:
        sys.audit(*bad)
    except TypeError as e:
        print("TypeError", e)

def refusing(event, args):
    if event == "sys.addaudithook":
        raise RuntimeError("no more hooks")
sys.addaudithook(refusing)
sys.addaudithook(lambda e, a: events.append("never"))
sys.audit("test.after")
print(events[-1])

def aborting(event, args):
    if event == "test.abort":
        raise ValueError("aborted by hook")
# `refusing` is installed, so this one is silently refused too.
sys.addaudithook(aborting)
sys.audit("test.abort")
print("not aborted")

print(sys.call_tracing(lambda *a: a, (1, 2)))
try:
    sys.call_tracing(print, [1])
except TypeError as e:
    print("TypeError", e)

calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or "hooked"
print(breakpoint(1, x=2), calls)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError", e)
sys.breakpointhook = sys.__breakpointhook__

old = sys.getswitchinterval()
sys.setswitchinterval(0.0001234567)
print(old, sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError", e)
sys.setswitchinterval(old)

flags = sys.getdlopenflags()
sys.setdlopenflags(flags | 0x100)
print(flags, sys.getdlopenflags())
sys.setdlopenflags(flags)
sys._clear_type_cache()

print(sys.get_asyncgen_hooks(), type(sys.get_asyncgen_hooks()).__name__)
seen = []
async def agen():
    yield 1
    yield 2
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(("first", g.__name__)),
                       finalizer=lambda g: seen.append(("fin", g.__name__)))
h = sys.get_asyncgen_hooks()
print(h.firstiter is not None, h.finalizer is not None, h[0] is h.firstiter)
g = agen()
print(seen)
aw = g.__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print("yielded", e.value)
print(seen)
del aw, g
print(seen)
for kw in ({"firstiter": 1}, {"finalizer": "x"}):
    try:
        sys.set_asyncgen_hooks(**kw)
    except TypeError as e:
        print("TypeError", e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

print(sys.get_coroutine_origin_tracking_depth())
async def coro():
    pass
def make():
    return coro()
c = make()
print(c.cr_origin)
c.close()
sys.set_coroutine_origin_tracking_depth(2)
c = make()
print([(f.rsplit("/", 1)[-1], line, name) for f, line, name in c.cr_origin])
c.close()
sys.set_coroutine_origin_tracking_depth(0)
for bad in (-1, 1.5):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(len(sys.stdlib_module_names) > 250, "os" in sys.stdlib_module_names,
      "pyrs" in sys.stdlib_module_names, type(sys.stdlib_module_names).__name__)
print(sys.thread_info.name, sys.thread_info.lock, type(sys.thread_info.version).__name__)
print(list(sys._current_frames().values())[0].f_code.co_name)
try:
    raise KeyError("k")
except KeyError:
    print(list(sys._current_exceptions().values()))
print(sys._framework == "")
