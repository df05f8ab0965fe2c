# os on the file system: directories, files, descriptors, links, errors, walk.
import os, stat

base = "/tmp/pyrs_os_files_%d" % os.getpid()
os.mkdir(base)
try:
    os.chdir(base)
    print(os.getcwd() == base, os.getcwdb() == base.encode())
    os.makedirs("a/b/c")
    os.makedirs("a/b/c", exist_ok=True)
    try:
        os.makedirs("a/b/c")
    except FileExistsError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
    fd = os.open("a/f.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b"hello world"), os.isatty(fd), os.get_inheritable(fd))
    os.close(fd)
    fd = os.open("a/f.txt", os.O_RDONLY)
    print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -3, os.SEEK_END), os.read(fd, 100), os.read(fd, 10))
    st = os.fstat(fd)
    print(st.st_size, stat.S_ISREG(st.st_mode), oct(stat.S_IMODE(st.st_mode)))
    os.close(fd)
    try:
        os.close(fd)
    except OSError as e:
        print(type(e).__name__, e.errno, e)
    st = os.stat("a/f.txt")
    print(st.st_size, type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8],
          st.st_nlink, stat.S_ISDIR(os.stat("a").st_mode), len(st))
    os.utime("a/f.txt", (1000000000, 1500000000.25))
    st = os.stat("a/f.txt")
    print(st.st_atime, st.st_mtime, st[8], st.st_mtime_ns)
    os.utime("a/f.txt", ns=(5, 7 * 10**9 + 3))
    print(os.stat("a/f.txt").st_atime_ns, os.stat("a/f.txt").st_mtime_ns)
    os.chmod("a/f.txt", 0o600)
    print(oct(stat.S_IMODE(os.stat("a/f.txt").st_mode)), os.access("a/f.txt", os.R_OK), os.access("nope", os.F_OK))
    os.truncate("a/f.txt", 4)
    print(os.path.getsize("a/f.txt"))
    os.symlink("f.txt", "a/link")
    os.link("a/f.txt", "a/hard")
    print(os.readlink("a/link"), os.readlink(b"a/link"), os.path.islink("a/link"), os.path.islink("a/f.txt"),
          stat.S_ISLNK(os.lstat("a/link").st_mode), os.stat("a/hard").st_nlink, os.path.samefile("a/hard", "a/f.txt"))
    print(sorted(os.listdir("a")), sorted(os.listdir(b"a")), sorted(os.listdir()))
    with os.scandir("a") as it:
        for e in sorted(it, key=lambda e: e.name):
            print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
                  e.is_file(follow_symlinks=False), e.stat().st_size if not e.is_dir() else "-",
                  e.inode() == os.lstat(e.path).st_ino, os.fspath(e))
    print([e.name for e in os.scandir(b"a/b")])
    for top, dirs, files in os.walk("."):
        print(top, sorted(dirs), sorted(files))
    for top, dirs, files in os.walk("a", topdown=False):
        print(top, sorted(dirs), sorted(files))
    os.rename("a/hard", "a/hard2")
    os.replace("a/hard2", "a/f2.txt")
    try:
        os.rename("nope", "other")
    except FileNotFoundError as e:
        print(e, e.filename, e.filename2)
    for f, arg in [(os.stat, "missing"), (os.listdir, "missing"), (os.rmdir, "a"), (os.remove, "a"),
                   (os.chdir, "missing"), (os.mkdir, "a"), (os.readlink, "a/f.txt"), (os.unlink, b"missing")]:
        try:
            f(arg)
        except OSError as e:
            print(f.__name__, type(e).__name__, e)
    for bad in [None, 1.5, ["x"]]:
        try:
            os.stat(bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        os.stat("a\0b")
    except ValueError as e:
        print("ValueError", e)
    r, w = os.pipe()
    os.write(w, b"xyz")
    print(os.read(r, 10), os.get_blocking(r))
    os.set_blocking(r, False)
    print(os.get_blocking(r))
    try:
        os.read(r, 10)
    except BlockingIOError as e:
        print(type(e).__name__, e.errno)
    d = os.dup(w)
    os.dup2(w, d)
    os.close(d)
    os.close(r)
    os.close(w)
    os.unlink("a/link")
    os.remove("a/f.txt")
    os.remove("a/f2.txt")
    os.removedirs("a/b/c")
    print(os.listdir("."), os.path.exists("a"))
finally:
    os.chdir("/")
    for top, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.unlink(os.path.join(top, f))
        for d in dirs:
            p = os.path.join(top, d)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))
