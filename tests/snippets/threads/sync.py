# Lock, RLock, Condition, Event, Semaphore, Barrier across threads.
import threading

counter = 0
lock = threading.Lock()
def inc():
    global counter
    for _ in range(2000):
        with lock:
            counter += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("lock", counter)

rl = threading.RLock()
order = []
def nested(i):
    with rl:
        with rl:
            order.append(i)
ts = [threading.Thread(target=nested, args=(i,)) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print("rlock", sorted(order), rl._is_owned())

cond = threading.Condition()
items = []
def consumer(out):
    with cond:
        while not items:
            cond.wait()
        out.append(items.pop())
out = []
cs = [threading.Thread(target=consumer, args=(out,)) for _ in range(3)]
for c in cs: c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
for c in cs: c.join()
print("condition", sorted(out))
with cond:
    print("wait timeout", cond.wait(0.01))

ev = threading.Event()
seen = []
def waiter():
    seen.append(ev.wait(5))
ws = [threading.Thread(target=waiter) for _ in range(3)]
for w in ws: w.start()
ev.set()
for w in ws: w.join()
print("event", seen, ev.is_set(), threading.Event().wait(0.01))

sem = threading.BoundedSemaphore(2)
active = []
peak = []
plock = threading.Lock()
def limited():
    with sem:
        with plock:
            active.append(1)
            peak.append(len(active))
        threading.Event().wait(0.01)
        with plock:
            active.pop()
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("semaphore", max(peak) <= 2, len(peak))
try:
    sem.release()
except ValueError as e:
    print(e)

b = threading.Barrier(3)
rs = []
def at_barrier():
    rs.append(b.wait(5))
ts = [threading.Thread(target=at_barrier) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("barrier", sorted(rs))

l = threading.Lock()
l.acquire()
def releaser():
    l.release()
t = threading.Thread(target=releaser); t.start(); t.join()
print("released by another thread", l.locked(), l.acquire(timeout=1))
