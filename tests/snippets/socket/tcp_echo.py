# A localhost TCP echo without threads: non-blocking connect, accept, echo.
import socket
import selectors

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, type(port).__name__, srv.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))

cli = socket.socket()
cli.setblocking(False)
print(cli.connect_ex((host, port)) in (0, 115))
conn, addr = srv.accept()
print(addr[0], addr[1] == cli.getsockname()[1], conn.getpeername() == cli.getsockname())
cli.setblocking(True)
print(cli.getpeername() == (host, port))

cli.sendall(b"ping " * 1000)
data = b""
while len(data) < 5000:
    data += conn.recv(4096)
conn.sendall(data.upper())
back = b""
while len(back) < 5000:
    back += cli.recv(8192)
print(len(back), back[:10])

sel = selectors.DefaultSelector()
sel.register(conn, selectors.EVENT_READ)
print(sel.select(0))
cli.send(b"!")
print([(k.fileobj is conn, ev) for k, ev in sel.select(1)])
print(conn.recv(1))
sel.close()

conn.settimeout(0.05)
try:
    conn.recv(1)
except socket.timeout as e:
    print("timeout", e)

cli.close()
print(conn.recv(10))
conn.close()

# A connection with socket.create_connection and a UDP round trip.
c2 = socket.create_connection((host, port), timeout=2)
s2, _ = srv.accept()
print(c2.gettimeout(), s2.gettimeout())
c2.close(); s2.close(); srv.close()

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"datagram", u1.getsockname())
data, frm = u1.recvfrom(100)
print(data, frm[1] == u2.getsockname()[1])
u1.close(); u2.close()

bad = socket.socket()
try:
    bad.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e.errno)
bad.close()

s6 = socket.socket(socket.AF_INET6)
s6.bind(("::1", 0))
print(s6.getsockname()[0], len(s6.getsockname()))
s6.close()
