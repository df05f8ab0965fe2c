# OSError(errno, ...) picks the subclass for well-known errno values.
# errno's values on Linux, in case the errno module is missing.
LINUX = dict(EAGAIN=11, EALREADY=114, EINPROGRESS=115, EWOULDBLOCK=11, EPIPE=32, ESHUTDOWN=108,
             ECHILD=10, ECONNABORTED=103, ECONNREFUSED=111, ECONNRESET=104, EEXIST=17, ENOENT=2,
             EISDIR=21, ENOTDIR=20, EINTR=4, EACCES=13, EPERM=1, ESRCH=3, ETIMEDOUT=110, EINVAL=22,
             ENOSPC=28)
try:
    import errno
    codes = {name: getattr(errno, name) for name in LINUX}
except ImportError:
    codes = LINUX

for name in ['EAGAIN', 'EALREADY', 'EINPROGRESS', 'EWOULDBLOCK', 'EPIPE', 'ESHUTDOWN', 'ECHILD',
             'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EEXIST', 'ENOENT', 'EISDIR', 'ENOTDIR',
             'EINTR', 'EACCES', 'EPERM', 'ESRCH', 'ETIMEDOUT', 'EINVAL', 'ENOSPC']:
    n = codes[name]
    print(name, type(OSError(n, 'x')).__name__, type(OSError(n, 'x', 'f')).__name__)
print(type(OSError(2)).__name__, type(OSError(2, 'x', 'f', None, 'g', 'extra')).__name__)
print(type(FileExistsError(2, 'x')).__name__, type(EnvironmentError(2, 'x')).__name__)
print(type(OSError(True, 'x')).__name__, type(OSError(2.0, 'x')).__name__, type(OSError('2', 'x')).__name__)
print(type(OSError(10**30, 'x')).__name__, type(OSError(-2, 'x')).__name__)
class MyOS(OSError):
    pass
print(type(MyOS(2, 'x')).__name__)
try:
    raise OSError(codes['ENOENT'], 'gone', 'file.txt')
except FileNotFoundError as e:
    print('caught as FileNotFoundError:', e)
