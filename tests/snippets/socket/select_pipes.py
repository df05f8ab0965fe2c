# select.select, poll and epoll on pipes; selectors.DefaultSelector.
import os
import select
import selectors

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [], [], 1.5)[0] == [r])

class F:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd

fr = F(r)
print(select.select([fr], [], [], 0)[0] == [fr])
for bad in [("x",), (-1,), (float("nan"),)]:
    try:
        select.select([], [], [], *bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select(1, [], [])
except TypeError as e:
    print(e)

p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted((fd - r, ev) for fd, ev in p.poll(0)))
p.modify(w, select.POLLIN)
print(sorted((fd - r, ev) for fd, ev in p.poll(0)))
p.unregister(w)
print([(fd - r, ev) for fd, ev in p.poll(10)])
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e.args[0] == w)
try:
    p.modify(99, 1)
except OSError as e:
    print(type(e).__name__, e.errno)

e = select.epoll()
e.register(r, select.EPOLLIN)
print([(fd - r, ev) for fd, ev in e.poll(0.1)], e.closed)
try:
    e.register(r)
except FileExistsError as x:
    print("FileExistsError", x.errno)
e.unregister(r)
print(e.poll(0))
e.close()
print(e.closed)
try:
    e.poll()
except ValueError as x:
    print(x)

with selectors.DefaultSelector() as s:
    print(type(s).__name__)
    s.register(r, selectors.EVENT_READ, "data")
    for key, ev in s.select(0):
        print(key.fd == r, key.data, ev)
    s.unregister(r)
    print(s.select(0.01))
os.read(r, 1)
os.close(r)
os.close(w)

# A fileno() that shortens the list: the walk stops early, as in CPython.
a = []
class Shrinking:
    def fileno(self):
        del a[-1]
        return 1
a[:] = [Shrinking()] * 10
print(select.select([], a, []) == ([], a[:5], []))
