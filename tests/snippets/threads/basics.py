# threading.Thread: start/join, results, names, idents, is_alive, _count, and
# start_new_thread with a sentinel-free join through a lock.
import threading, _thread

results = {}
def work(i, n):
    s = 0
    for k in range(n):
        s += k * i
    results[i] = s

ts = [threading.Thread(target=work, args=(i, 20000), name=f"w{i}") for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
print([t.name for t in ts], [t.is_alive() for t in ts])
print(threading.active_count(), threading.current_thread().name, _thread._count())

done = _thread.allocate_lock()
done.acquire()
box = []
def raw(a, b, c=0):
    box.append((a, b, c, threading.get_ident() != main_ident))
    done.release()
main_ident = threading.get_ident()
ident = _thread.start_new_thread(raw, (1, 2), {"c": 3})
done.acquire()
print(box, type(ident))

idents = set()
def rec():
    idents.add(threading.get_ident())
    idents.add(threading.get_native_id())
t = threading.Thread(target=rec)
t.start(); t.join()
print(len(idents), main_ident not in idents)

class MyThread(threading.Thread):
    def run(self):
        self.value = sum(range(100))
m = MyThread()
m.start(); m.join()
print(m.value, m.is_alive())
try:
    m.start()
except RuntimeError as e:
    print(e)
try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print(e)
try:
    _thread.start_new_thread(print, [])
except TypeError as e:
    print(e)
