# os: names, constants, environ, fspath/fsencode, PathLike, structseqs.
import os

print(os.name, repr(os.linesep), os.sep, os.pathsep, os.curdir, os.pardir, os.extsep,
      os.altsep, os.defpath, os.devnull, os.error is OSError)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.O_WRONLY, os.O_RDWR,
      os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND, os.F_OK, os.R_OK, os.W_OK, os.X_OK,
      os.EX_OK, os.EX_USAGE, os.WNOHANG)
os.environ["PYRS_T1"] = "one"
print(os.environ["PYRS_T1"], os.getenv("PYRS_T1"), os.environb[b"PYRS_T1"], "PYRS_T1" in os.environ)
print(os.getenv("PYRS_NOT_THERE"), os.getenv("PYRS_NOT_THERE", "dflt"))
del os.environ["PYRS_T1"]
print("PYRS_T1" in os.environ, os.environ.get("PYRS_T1"))
try:
    os.environ["PYRS_T1"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError", e)
print(os.environ.setdefault("PYRS_T2", "two"), os.environ.pop("PYRS_T2"))
print(type(os.environ.copy()).__name__)

class P:
    def __fspath__(self):
        return "pp"
print(os.fspath("s"), os.fspath(b"b"), os.fspath(P()), isinstance(P(), os.PathLike),
      issubclass(str, os.PathLike))
for bad in [3, None]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print("TypeError", e)
print(os.fsencode("a\udcff"), os.fsdecode(b"a\xff") == "a\udcff", os.fsencode(P()))
print(os.strerror(2), os.strerror(13))
print(os.getpid() > 0, os.getppid() > 0, isinstance(os.cpu_count(), int))
u = os.uname()
print(type(u).__name__, len(u), u.sysname)
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t))
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
s = os.stat_result(range(10))
print(s, s.st_atime, s[7], s.st_atime_ns, len(s))
print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
print(os.stat_result.__match_args__)
print(len(os.urandom(16)), os.urandom(0))
try:
    os.urandom(-1)
except ValueError as e:
    print("ValueError", e)
old = os.umask(0o22)
print(os.umask(old))
print(os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9),
      os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9))
print(os.path is __import__("posixpath"), "os.path" in __import__("sys").modules)
