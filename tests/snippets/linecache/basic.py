import linecache, os, sys, tempfile
print(linecache.__all__ if hasattr(linecache, "__all__") else None)
d = tempfile.mkdtemp()
p = os.path.join(d, "m.py")
with open(p, "w") as f:
    f.write("line one\nline two\nno newline")
print(repr(linecache.getline(p, 1)), repr(linecache.getline(p, 3)), repr(linecache.getline(p, 4)),
      repr(linecache.getline(p, 0)), repr(linecache.getline(p, -1)))
print(linecache.getlines(p))
print(p in linecache.cache, len(linecache.cache[p]), linecache.cache[p][2], linecache.cache[p][3] == p)
with open(p, "w") as f:
    f.write("changed content\n")
print(repr(linecache.getline(p, 1)))
os.utime(p, (0, 12345))
linecache.checkcache(p)
print(p in linecache.cache, repr(linecache.getline(p, 1)))
linecache.checkcache("not-cached")
os.remove(p)
linecache.checkcache()
print(p in linecache.cache, linecache.getlines(p))
print(linecache.getlines("<string>"), linecache.getlines(""), linecache.updatecache("<stdin>"))
# a relative name is searched for along sys.path
with open(os.path.join(d, "rel_mod.py"), "w") as f:
    f.write("x = 1\r\ny = 2\r\n")
sys.path.insert(0, d)
sys.path.insert(0, 42)
print(linecache.getlines("rel_mod.py"), linecache.cache["rel_mod.py"][3] == os.path.join(d, "rel_mod.py"))
del sys.path[:2]
# encodings
with open(os.path.join(d, "lat.py"), "wb") as f:
    f.write(b"# -*- coding: latin-1 -*-\ns = '\xe9'\n")
with open(os.path.join(d, "bom.py"), "wb") as f:
    f.write(b"\xef\xbb\xbfx = '\xc3\xa9'\n")
with open(os.path.join(d, "bad.py"), "wb") as f:
    f.write(b"x = '\xff'\n")
with open(os.path.join(d, "unk.py"), "wb") as f:
    f.write(b"#!/usr/bin/python\n# vim: set fileencoding=nosuchcodec :\nx = 1\n")
with open(os.path.join(d, "second.py"), "wb") as f:
    f.write(b"x = 1\n# coding: latin-1\ns = '\xe9'\n")
for n in ["lat.py", "bom.py", "bad.py", "unk.py", "second.py"]:
    print(n, linecache.getlines(os.path.join(d, n)))

# lazy entries through a module's loader
class Loader:
    def get_source(self, name):
        print("get_source", name)
        return "def f():\n    pass" if name == "fake" else None
g = {"__name__": "fake", "__loader__": Loader()}
print(linecache.lazycache("/no/such/fake.py", g), len(linecache.cache["/no/such/fake.py"]))
print(linecache.lazycache("/no/such/fake.py", g))
print(linecache.getline("/no/such/fake.py", 2, g), linecache.cache["/no/such/fake.py"][:2])
print(linecache.lazycache("/no/such/fake.py", g))
class Spec:
    loader = Loader()
print(linecache.getlines("/no/such/none.py", {"__name__": "other", "__spec__": Spec()}))
print(linecache.lazycache("<x>", g), linecache.lazycache("/y", {}), linecache.lazycache("/y", None),
      linecache.lazycache("/y", {"__name__": "", "__loader__": Loader()}))
linecache.clearcache()
print(linecache.cache)
import shutil; shutil.rmtree(d)
