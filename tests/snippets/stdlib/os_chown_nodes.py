# os.chown / lchown / fchown, fchmod, fchdir, fdatasync, mkfifo, mknod, and the
# device-number helpers, with CPython's argument errors.
import os
import stat
import tempfile

def check(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'f')
    with open(path, 'w') as f:
        f.write('x')
    st = os.stat(path)
    uid, gid = st.st_uid, st.st_gid
    check(os.chown, path, uid, gid)
    check(os.chown, path, -1, -1)
    check(os.lchown, path, uid, -1)
    link = os.path.join(d, 'link')
    os.symlink(path, link)
    check(os.chown, link, -1, gid, follow_symlinks=False)
    dfd = os.open(d, os.O_RDONLY)
    check(os.chown, 'f', uid, gid, dir_fd=dfd)
    fd = os.open(path, os.O_RDWR)
    check(os.fchown, fd, uid, gid)
    check(os.chown, fd, uid, gid)
    check(os.fchmod, fd, 0o600)
    print(oct(stat.S_IMODE(os.stat(path).st_mode)))
    check(os.fchmod, fd=fd, mode=0o644)
    print(oct(stat.S_IMODE(os.stat(path).st_mode)))
    check(os.fdatasync, fd)
    check(os.chown, fd, uid, gid, follow_symlinks=False)
    check(os.chown, fd, uid, gid, dir_fd=dfd)
    os.close(fd)
    cwd = os.getcwd()
    check(os.fchdir, dfd)
    print(os.getcwd() == os.path.realpath(d))
    os.chdir(cwd)
    os.close(dfd)

    for args in [(2**32, -1), (-2, -1), ('a', -1), (2**64, -1), (1.5, -1), (uid, 2**32), (uid, None)]:
        check(os.chown, path, *args)
    missing = os.path.join(d, 'missing')
    for f in (os.chown, os.lchown):
        try:
            f(missing, uid, gid)
        except OSError as e:
            print(type(e).__name__, e.errno, e.filename == missing)
    check(os.lchown, 3, uid, gid)
    check(os.fchown, 99999, uid, gid)
    check(os.fchmod, 99999, 0o600)
    check(os.fchdir, 99999)
    check(os.chown, path, uid)

    fifo = os.path.join(d, 'fifo')
    check(os.mkfifo, fifo)
    print(stat.S_ISFIFO(os.stat(fifo).st_mode), oct(stat.S_IMODE(os.stat(fifo).st_mode) & ~0o022))
    check(os.mkfifo, fifo)
    check(os.mkfifo, os.path.join(d, 'nodir', 'x'))
    node = os.path.join(d, 'node')
    check(os.mknod, node, 0o600 | stat.S_IFREG)
    print(stat.S_ISREG(os.stat(node).st_mode))
    check(os.mknod, node)
    check(os.mknod, os.path.join(d, 'n2'), device=-1)

dev = os.makedev(300, 400)
print(dev, os.major(dev), os.minor(dev), os.makedev(0, 0), os.makedev(2**31 - 1, 5))
print(os.makedev(-1, 0), os.major(2**64 - 1), os.minor(2**64 - 1))
check(os.major, -1)
check(os.major, 2**64)
check(os.major, 'a')
check(os.minor, 1.5)
check(os.makedev, 'a', 1)
check(os.makedev, 1)
check(os.makedev, 2**40, 1)
print(os.chown.__text_signature__, os.lchown.__text_signature__, os.fchown.__text_signature__)
print(os.mknod.__text_signature__, os.mkfifo.__text_signature__, os.makedev.__text_signature__)

# Which functions take an fd, dir_fd or follow_symlinks=False; chmod cannot change
# a symbolic link on Linux.
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
print(sorted(f.__name__ for f in os.supports_fd if f.__name__ not in ('execve', 'pathconf', 'statvfs')))
print(sorted(f.__name__ for f in os.supports_dir_fd))
with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, 't')
    open(target, 'w').close()
    link = os.path.join(d, 'l')
    os.symlink(target, link)
    check(os.chmod, link, 0o600, follow_symlinks=False)
    dfd = os.open(d, os.O_RDONLY)
    check(os.chmod, 'l', 0o600, dir_fd=dfd, follow_symlinks=False)
    check(os.chmod, 't', 0o640, dir_fd=dfd)
    print(oct(stat.S_IMODE(os.stat(target).st_mode)))
    os.close(dfd)
