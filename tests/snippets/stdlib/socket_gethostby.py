# socket.gethostbyaddr / gethostbyname_ex (glibc's reentrant resolver, /etc/hosts for
# the loopback names).
import socket

name, aliases, addrs = socket.gethostbyaddr('127.0.0.1')
print(type(name).__name__, type(aliases).__name__, addrs)
name, aliases, addrs = socket.gethostbyname_ex('127.0.0.1')
print(name, aliases, addrs)
name, aliases, addrs = socket.gethostbyname_ex('localhost')
print(type(name).__name__, '127.0.0.1' in addrs)
print(socket.getfqdn('127.0.0.1') == socket.gethostbyaddr('127.0.0.1')[0])
for bad in [(), ('a', 'b'), (1,)]:
    try:
        socket.gethostbyaddr(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    socket.gethostbyaddr('300.1.1.1.nonexistent.invalid')
except OSError as e:
    print(type(e).__name__, isinstance(e, (socket.herror, socket.gaierror)))
