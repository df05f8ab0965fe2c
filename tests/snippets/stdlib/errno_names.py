# errno: every name and errorcode, as CPython on Linux.
import errno

names = [n for n in dir(errno) if n.startswith('E')]
print(len(names))
for n in names:
    print(n, getattr(errno, n), errno.errorcode[getattr(errno, n)])
print(sorted(errno.errorcode.items())[:10], len(errno.errorcode))
print(list(errno.errorcode.items())[:5], list(errno.errorcode.items())[-5:])
print(errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN],
      errno.errorcode[errno.EDEADLK], errno.errorcode[errno.EOPNOTSUPP])
print(errno.__name__, errno.__doc__.splitlines()[0])
print([k for k in vars(errno) if not k.startswith('E')])
