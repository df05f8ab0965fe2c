# Module-level functions of socket: conversions, name lookups (localhost only).
import socket

print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.inet_aton("1.2.3.4"), socket.inet_aton("127.1"), socket.inet_ntoa(b"\x7f\0\0\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"))
print(socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "::ffff:1.2.3.4")))
print(socket.inet_pton(socket.AF_INET, "10.0.0.1"), socket.inet_ntop(socket.AF_INET, b"\n\0\0\1"))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "http", socket.AF_INET6, socket.SOCK_STREAM)[0][4])
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(type(socket.gethostname()).__name__)
print(socket.getservbyname("http", "tcp"), socket.getservbyport(80), socket.getprotobyname("tcp"))
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), s.getblocking())
s.close()
socket.setdefaulttimeout(None)
print(socket.AF_INET, repr(socket.AF_INET6), socket.SOCK_DGRAM, socket.SocketKind.SOCK_STREAM)
print(socket.has_ipv6, socket.SOMAXCONN > 0, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__module__, socket.gaierror.__name__)

def t(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

t(socket.htons, -1); t(socket.htons, 70000); t(socket.htonl, -1); t(socket.htonl, 1 << 33)
t(socket.htonl, 1.5); t(socket.inet_aton, "1.2.3.300"); t(socket.inet_aton, b"1.2.3.4")
t(socket.inet_ntoa, b"123"); t(socket.inet_pton, socket.AF_INET, "x")
t(socket.inet_ntop, socket.AF_INET, b"123"); t(socket.inet_ntop, 99, b"1234")
t(socket.setdefaulttimeout, -1); t(socket.setdefaulttimeout, "x")
t(socket.getaddrinfo, 1, 2); t(socket.getaddrinfo, "localhost", 1.5)
t(socket.getaddrinfo, "no.such.host.invalid", 80)
t(socket.getservbyname, "nosuch"); t(socket.getservbyport, 70000); t(socket.getprotobyname, "nosuch")

a = socket.socket()
t(a.connect, "x"); t(a.connect, ("h",)); t(a.connect, ("127.0.0.1", 70000)); t(a.connect, (1, 2))
t(a.bind, ("a\0b", 1)); t(a.recv, -1); t(a.recv_into, bytearray(2), 5); t(a.recvfrom, -1)
t(a.sendto, b"x"); t(a.settimeout, -1); t(a.getsockopt, 1, 2, 2000); t(a.send, "str")
t(a.recv, 1)
print(repr(a).startswith("<socket.socket fd="))
a.close()
u = socket.socket(socket.AF_UNIX)
t(u.bind, 5); t(u.bind, "x" * 200)
u.close()
b = socket.socket(socket.AF_INET6)
t(b.connect, ("::1", 1, 1 << 21)); t(b.connect, "x"); t(b.connect, ("::1",))
b.close()
for kw in ({"fileno": -5}, {"family": 12345}):
    try:
        socket.socket(**kw)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
