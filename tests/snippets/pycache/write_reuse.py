# The bytecode cache (PEP 3147): an import writes __pycache__/<mod>.<tag>.pyc with a
# timestamp header, a later import loads the code from it, and a change to the source
# (mtime or size) or a bad header makes the import compile again and rewrite it.
import importlib
import importlib.util
import marshal
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = False
sys.pycache_prefix = None
tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
tag = sys.implementation.cache_tag
src = os.path.join(tmp, "cachemod.py")
pyc = importlib.util.cache_from_source(src)


def show(p):
    return p.replace(tmp, "<tmp>").replace(tag, "<tag>")


def write_source(text, mtime):
    with open(src, "w") as f:
        f.write(text)
    os.utime(src, (mtime, mtime))


def header():
    with open(pyc, "rb") as f:
        data = f.read()
    st = os.stat(src)
    return (data[:4] == importlib.util.MAGIC_NUMBER,
            int.from_bytes(data[4:8], "little"),
            int.from_bytes(data[8:12], "little") == int(st.st_mtime) & 0xFFFFFFFF,
            int.from_bytes(data[12:16], "little") == st.st_size)


def fresh_import():
    sys.modules.pop("cachemod", None)
    return importlib.import_module("cachemod")


print(type(tag).__name__, tag.endswith("-311"), show(pyc))
write_source("print('running cachemod')\nVALUE = 1\n", 1_600_000_000)
print(os.path.exists(pyc))
m = fresh_import()
print(m.VALUE, os.path.exists(pyc), show(m.__cached__), m.__cached__ == m.__spec__.cached)
print(sorted(show(n) for n in os.listdir(os.path.dirname(pyc))))
print(header())

# A second import reads the cache: a .pyc whose header matches the source but whose
# code is something else shows which one ran.
code = compile("print('from the cache')\nVALUE = 'cached'\n", src, "exec")
st = os.stat(src)
data = importlib.util.MAGIC_NUMBER + (0).to_bytes(4, "little")
data += int(st.st_mtime).to_bytes(4, "little") + st.st_size.to_bytes(4, "little")
with open(pyc, "wb") as f:
    f.write(data + marshal.dumps(code))
m = fresh_import()
print(m.VALUE, show(m.__file__))

# A new mtime (same size) makes the cache stale: compiled again and rewritten.
write_source("print('running cachemod')\nVALUE = 2\n", 1_600_000_100)
m = fresh_import()
print(m.VALUE, header())
m = fresh_import()
print(m.VALUE)

# A new size (same mtime) too.
write_source("print('running cachemod')\nVALUE = 333\n", 1_600_000_100)
m = fresh_import()
print(m.VALUE, header())

# A bad magic number or unknown flags: ignored, recompiled, rewritten.
for bad in (b"\0\0\r\n" + data[4:], data[:4] + (4).to_bytes(4, "little") + data[8:], b"xy"):
    with open(pyc, "wb") as f:
        f.write(bad + marshal.dumps(code))
    m = fresh_import()
    print(m.VALUE, header())

# A valid header over bad marshal data is an error, as in CPython.
st = os.stat(src)
good = importlib.util.MAGIC_NUMBER + (0).to_bytes(4, "little")
good += int(st.st_mtime).to_bytes(4, "little") + st.st_size.to_bytes(4, "little")
for body in (b"", b"\xff", marshal.dumps((1, 2))):
    with open(pyc, "wb") as f:
        f.write(good + body)
    try:
        fresh_import()
    except Exception as e:
        print(type(e).__name__, show(str(e)))

# A package's __init__ is cached in the package's own __pycache__.
os.mkdir(os.path.join(tmp, "cachepkg"))
with open(os.path.join(tmp, "cachepkg", "__init__.py"), "w") as f:
    f.write("from . import sub\n")
with open(os.path.join(tmp, "cachepkg", "sub.py"), "w") as f:
    f.write("X = 'sub'\n")
import cachepkg
print(cachepkg.sub.X, sorted(show(n) for n in os.listdir(os.path.join(tmp, "cachepkg", "__pycache__"))))
print(show(cachepkg.__cached__), show(cachepkg.sub.__cached__))

# A tree moved with its __pycache__ still loads from the cache, and the code
# objects read get the new path as their filename (CPython's _imp._fix_co_filename),
# nested functions included. The .pyc here is made from other text, compiled under
# the old path, so the output shows that it was used.
with open(os.path.join(tmp, "cachepkg", "sub.py"), "w") as f:
    f.write("def where():\n    return [__file__, where.__code__.co_filename]\n")
sys.modules.pop("cachepkg.sub")
import cachepkg.sub
print([show(p) for p in cachepkg.sub.where()])
shutil.copytree(os.path.join(tmp, "cachepkg"), os.path.join(tmp, "moved", "cachepkg"))
moved_src = os.path.join(tmp, "moved", "cachepkg", "sub.py")
code = compile("def where():\n    return [__file__, where.__code__.co_filename, 'cached']\n",
               os.path.join(tmp, "cachepkg", "sub.py"), "exec")
st = os.stat(moved_src)
data = importlib.util.MAGIC_NUMBER + (0).to_bytes(4, "little")
data += int(st.st_mtime).to_bytes(4, "little") + st.st_size.to_bytes(4, "little")
with open(importlib.util.cache_from_source(moved_src), "wb") as f:
    f.write(data + marshal.dumps(code))
sys.path.insert(0, os.path.join(tmp, "moved"))
for name in ("cachepkg", "cachepkg.sub"):
    sys.modules.pop(name)
import cachepkg.sub
print([show(p) for p in cachepkg.sub.where()], show(cachepkg.sub.__cached__))
sys.path.remove(os.path.join(tmp, "moved"))

sys.path.remove(tmp)
shutil.rmtree(tmp)
