# threading.local values are per thread; contextvars start empty in a new thread;
# sys.setswitchinterval; CPU-bound threads both finish (GIL switching); sleeps overlap.
import threading, contextvars, sys, time

loc = threading.local()
loc.x = "main"
seen = []
def f(i):
    seen.append(hasattr(loc, "x"))
    loc.x = i
    seen.append(loc.x == i)
ts = [threading.Thread(target=f, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(seen, loc.x)

var = contextvars.ContextVar("var", default="default")
var.set("main value")
res = []
def g():
    res.append(var.get())
    var.set("thread value")
    res.append(var.get())
t = threading.Thread(target=g); t.start(); t.join()
print(res, var.get())

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)

progress = {"a": 0, "b": 0}
def spin(key):
    for _ in range(300000):
        progress[key] += 1
ta = threading.Thread(target=spin, args=("a",))
tb = threading.Thread(target=spin, args=("b",))
ta.start(); tb.start(); ta.join(); tb.join()
print(progress)

t0 = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.15,)) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("overlapped", time.monotonic() - t0 < 0.6)
