# Hash-based .pyc files (PEP 552) written by py_compile, directories compiled by
# compileall, a .pyc without its source (SourcelessFileLoader), and what -m and a
# script run leave in the cache.
import _imp
import compileall
import importlib
import importlib.util
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = False
sys.pycache_prefix = None
tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
tag = sys.implementation.cache_tag
src = os.path.join(tmp, "hmod.py")
pyc = importlib.util.cache_from_source(src)


def show(p):
    return p.replace(tmp, "<tmp>").replace(tag, "<tag>")


def write_source(text, mtime=1_500_000_000):
    with open(src, "w") as f:
        f.write(text)
    os.utime(src, (mtime, mtime))


def fresh_import(name="hmod"):
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def flags():
    with open(pyc, "rb") as f:
        data = f.read(16)
    with open(src, "rb") as f:
        h = importlib.util.source_hash(f.read())
    return int.from_bytes(data[4:8], "little"), data[8:16] == h


print(len(importlib.util.source_hash(b"")), importlib.util.source_hash(b"a") == importlib.util.source_hash(b"a"))
write_source("VALUE = 'one'\n")
print(show(py_compile.compile(src, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)))
print(flags(), fresh_import().VALUE)
# Same size and mtime, other text: only the hash notices.
write_source("VALUE = 'two'\n")
print(fresh_import().VALUE, flags())

print(show(py_compile.compile(src, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)))
print(flags())
write_source("VALUE = 'six'\n")
# Unchecked: the cache is trusted, the source is not read.
print(fresh_import().VALUE, flags())

# _imp.check_hash_based_pycs overrides the file's own flag: 'always' checks an
# unchecked .pyc, 'never' trusts a checked one.
print(_imp.check_hash_based_pycs)
_imp.check_hash_based_pycs = "always"
print(fresh_import().VALUE, flags())
py_compile.compile(src, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
write_source("VALUE = 'ten'\n")
_imp.check_hash_based_pycs = "never"
print(fresh_import().VALUE, flags())
_imp.check_hash_based_pycs = "default"
print(fresh_import().VALUE, flags())

print(show(py_compile.compile(src, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)))
print(flags()[0], fresh_import().VALUE)

# compileall over a tree.
os.mkdir(os.path.join(tmp, "cpkg"))
for name, text in (("__init__.py", ""), ("a.py", "A = 1\n"), ("b.py", "B = 2\n")):
    with open(os.path.join(tmp, "cpkg", name), "w") as f:
        f.write(text)
print(compileall.compile_dir(os.path.join(tmp, "cpkg"), quiet=1))
print(sorted(show(n) for n in os.listdir(os.path.join(tmp, "cpkg", "__pycache__"))))
print(compileall.compile_file(os.path.join(tmp, "cpkg", "a.py"), quiet=1, legacy=True))
print(sorted(n for n in os.listdir(os.path.join(tmp, "cpkg")) if n.endswith(".pyc")))

# A legacy .pyc with no source beside it is imported by SourcelessFileLoader.
os.mkdir(os.path.join(tmp, "only"))
shutil.copy(pyc, os.path.join(tmp, "only", "sless.pyc"))
sys.path.insert(0, os.path.join(tmp, "only"))
m = fresh_import("sless")
print(m.VALUE, type(m.__loader__).__name__, show(m.__file__), show(m.__cached__))
print(m.__loader__.get_source("sless"), m.__spec__.has_location)
# Another interpreter's .pyc has another magic number.
with open(os.path.join(tmp, "only", "sless.pyc"), "r+b") as f:
    f.write(b"\x01\x00\r\n")
try:
    fresh_import("sless")
except ImportError as e:
    print(type(e).__name__, e.name, show(e.path))

# python -m caches the module it runs; a script is never cached.
with open(os.path.join(tmp, "runme.py"), "w") as f:
    f.write("print(__name__)\n")
env = dict(os.environ)
env.pop("PYTHONDONTWRITEBYTECODE", None)
env.pop("PYTHONPYCACHEPREFIX", None)
for args in (["-m", "runme"], ["runme.py"]):
    shutil.rmtree(os.path.join(tmp, "__pycache__"), ignore_errors=True)
    p = subprocess.run([sys.executable, "-S", *args], cwd=tmp, env=env, capture_output=True, text=True)
    print(args, p.stdout.split(), os.path.exists(os.path.join(tmp, "__pycache__", f"runme.{tag}.pyc")))

for mode in ("always", "never", "sometimes"):
    p = subprocess.run([sys.executable, "-S", "--check-hash-based-pycs", mode, "-c",
                        "import _imp; print(_imp.check_hash_based_pycs)"],
                       env=env, capture_output=True, text=True)
    print(mode, p.returncode, p.stdout.split(), p.stderr.splitlines()[:1])

sys.path.remove(tmp)
sys.path.remove(os.path.join(tmp, "only"))
shutil.rmtree(tmp)
