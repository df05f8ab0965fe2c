# OSError(errno, ...) picks the subclass for well-known errno values.
import errno

for name in ['EAGAIN', 'EALREADY', 'EINPROGRESS', 'EWOULDBLOCK', 'EPIPE', 'ESHUTDOWN', 'ECHILD',
             'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EEXIST', 'ENOENT', 'EISDIR', 'ENOTDIR',
             'EINTR', 'EACCES', 'EPERM', 'ESRCH', 'ETIMEDOUT', 'EINVAL', 'ENOSPC']:
    n = getattr(errno, name)
    print(name, type(OSError(n, 'x')).__name__, type(OSError(n, 'x', 'f')).__name__)
print(type(OSError(2)).__name__, type(OSError(2, 'x', 'f', None, 'g', 'extra')).__name__)
print(type(FileExistsError(2, 'x')).__name__, type(EnvironmentError(2, 'x')).__name__)
print(type(OSError(True, 'x')).__name__, type(OSError(2.0, 'x')).__name__, type(OSError('2', 'x')).__name__)
print(type(OSError(10**30, 'x')).__name__, type(OSError(-2, 'x')).__name__)
class MyOS(OSError):
    pass
print(type(MyOS(2, 'x')).__name__)
try:
    open('/definitely/not/a/real/path/anywhere.txt')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
try:
    raise OSError(errno.ENOENT, 'gone', 'file.txt')
except FileNotFoundError as e:
    print('caught as FileNotFoundError:', e)
