# _thread._local: per-thread attributes, a subclass whose __init__ runs again in
# each thread, __dict__, deleting, the errors, and values freed when a thread ends.
import _thread, threading, weakref, gc

class Obj:
    pass

loc = _thread._local()
loc.a = 1
print(loc.a, loc.__dict__, type(loc).__name__)
out = []
def worker(i):
    out.append(hasattr(loc, "a"))
    loc.a = i
    out.append(loc.__dict__)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(out, loc.a)

class MyLocal(_thread._local):
    count = 0
    def __init__(self, base, step=1):
        MyLocal.count += 1
        self.value = base
        self.step = step
    def bump(self):
        self.value += self.step
        return self.value

ml = MyLocal(10, step=5)
print(ml.bump(), ml.bump(), MyLocal.count)
res = []
def use():
    res.append(ml.bump())
t = threading.Thread(target=use); t.start(); t.join()
print(res, ml.value, MyLocal.count)

try:
    _thread._local(1)
except TypeError as e:
    print(e)
try:
    loc.__dict__ = {}
except AttributeError as e:
    print(e)
del loc.a
try:
    loc.a
except AttributeError as e:
    print(e)
try:
    del loc.a
except AttributeError as e:
    print(e)

refs = []
def keep():
    o = Obj()
    refs.append(weakref.ref(o))
    loc.obj = o
t = threading.Thread(target=keep); t.start(); t.join()
gc.collect()
print("freed with its thread:", refs[0]() is None)
o2 = Obj()
r2 = weakref.ref(o2)
l2 = _thread._local()
l2.x = o2
del o2, l2
gc.collect()
print("freed with its local:", r2() is None)
print(threading.local is _thread._local)
