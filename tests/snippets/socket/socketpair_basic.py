# socketpair, send/recv, makefile, timeouts, option calls, errors.
import socket

a, b = socket.socketpair()
print(a.family, a.type, a.proto, type(a).__name__)
print(a.send(b"hello"), b.recv(100))
a.sendall(b"x" * 100000)
got = 0
while got < 100000:
    got += len(b.recv(65536))
print(got)

buf = bytearray(10)
a.send(b"into")
print(b.recv_into(buf), buf)
a.send(b"abcdef")
print(b.recv_into(buf, 3), buf)
print(b.recv(10))

print(a.gettimeout(), a.getblocking(), a.timeout)
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except TimeoutError as e:
    print(type(e).__name__, e, socket.timeout is TimeoutError)
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
b.setblocking(True)
print(b.gettimeout())

print(a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) > 0)
print(len(a.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))

fa = a.makefile("wb")
fb = b.makefile("rb")
fa.write(b"line one\nline two\n")
fa.flush()
print(fb.readline(), fb.readline())
fa.close()
fb.close()

a.shutdown(socket.SHUT_WR)
print(b.recv(10))
fd = b.fileno()
c = socket.socket(fileno=b.detach())
print(c.fileno() == fd, b.fileno(), c.family == socket.AF_UNIX)
d = c.dup()
print(d.fileno() != c.fileno(), d.type)
for s in (a, c, d):
    s.close()
print(a.fileno(), repr(a)[:30])
try:
    a.send(b"x")
except OSError as e:
    print(type(e).__name__, e.errno)

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
    print(u.type, u.getsockname())
print(u._closed)

x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"dgram1")
x.send(b"dgram2")
print(y.recv(100), y.recvfrom(100))
x.close()
y.close()
