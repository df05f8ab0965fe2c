# os.path (posixpath) on strings and bytes: pure functions, no file system.
import os.path as p

for a in [("a", "b"), ("/a", "b", "/c"), ("a/", "b"), ("", "x"), (b"a", b"b")]:
    print(a, p.join(*a))
for s in ["/a/b/c.txt", "a/b/", "/", "//x", "c", "", ".bashrc", "a.b/c", "x.tar.gz", "a/..b", b"/x/y.z"]:
    print(repr(s), p.split(s), p.splitext(s), p.basename(s), p.dirname(s), p.isabs(s))
for s in ["a//b/./c/..", "/../x", "//a", "///a/b", "", ".", "../../a", "a/b/../../..", b"/a/./b/"]:
    print(repr(s), repr(p.normpath(s)))
print(p.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]), repr(p.commonprefix([])))
print(p.commonpath(["/usr/lib", "/usr/local/x", "/usr/lib2"]), p.commonpath(["a/b", "a/c"]))
for bad in [[], ["/a", "b"]]:
    try:
        p.commonpath(bad)
    except ValueError as e:
        print("ValueError", e)
print(p.relpath("/a/b/c", "/a/d"), p.relpath("/a", "/a"), p.relpath("/a/b", "/"))
try:
    p.relpath("")
except ValueError as e:
    print("ValueError", e)
try:
    p.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
try:
    p.join("a", 3)
except TypeError as e:
    print("TypeError", e)
print(p.normcase("AbC"), p.splitdrive("/x/y"), p.sep, p.pathsep, p.curdir, p.pardir,
      p.extsep, p.altsep, p.defpath, p.devnull)
import os
os.environ["PYRS_T_VAR"] = "val"
print(p.expandvars("$PYRS_T_VAR/${PYRS_T_VAR}/$NOPE_NOT_SET/$"), p.expandvars(b"$PYRS_T_VAR"))
home = os.environ.get("HOME")
os.environ["HOME"] = "/home/someone/"
print(p.expanduser("~/x"), p.expanduser("~"), p.expanduser("x~"))
if home is not None:
    os.environ["HOME"] = home
class P:
    def __fspath__(self):
        return "/q/r.s"
print(p.basename(P()), p.splitext(P()), p.join(P(), "t"))
