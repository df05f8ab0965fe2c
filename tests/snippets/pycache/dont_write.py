# Turning the cache off: sys.dont_write_bytecode (from -B or PYTHONDONTWRITEBYTECODE)
# stops writing but not reading; sys.pycache_prefix (-X pycache_prefix=DIR or
# PYTHONPYCACHEPREFIX) moves the cache out of __pycache__ into a tree under DIR.
import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

tmp = tempfile.mkdtemp()
tag = sys.implementation.cache_tag
src = os.path.join(tmp, "nowrite.py")
with open(src, "w") as f:
    f.write("VALUE = 'nowrite'\n")
sys.path.insert(0, tmp)


def show(p):
    return p.replace(tmp, "<tmp>").replace(tag, "<tag>")


def listing():
    out = []
    for dirpath, dirnames, filenames in os.walk(tmp):
        dirnames.sort()
        out.extend(show(os.path.join(dirpath, n)) for n in sorted(filenames))
    return out


sys.pycache_prefix = None
sys.dont_write_bytecode = True
import nowrite
print(nowrite.VALUE, show(nowrite.__cached__), listing())
del sys.modules["nowrite"]

# In a child interpreter.
CHILD = """
import sys
print(sys.flags.dont_write_bytecode, sys.dont_write_bytecode, sys.pycache_prefix is None)
import nowrite
print(nowrite.VALUE)
"""
env = dict(os.environ)
env.pop("PYTHONDONTWRITEBYTECODE", None)
env.pop("PYTHONPYCACHEPREFIX", None)
env.pop("PYTHONPATH", None)
for args, extra in ((["-B"], {}), ([], {"PYTHONDONTWRITEBYTECODE": "1"}),
                    (["-E"], {"PYTHONDONTWRITEBYTECODE": "1"})):
    p = subprocess.run([sys.executable, "-S", *args, "-c", CHILD], cwd=tmp,
                       env={**env, **extra}, capture_output=True, text=True)
    print(args, extra, p.stdout.split(), p.returncode, listing())
    shutil.rmtree(os.path.join(tmp, "__pycache__"), ignore_errors=True)

# The prefix: from the command line, the environment, and set at run time.
prefix = os.path.join(tmp, "prefix")
for args, extra in ((["-X", "pycache_prefix=" + prefix, "-X", "pycache_prefix=other"], {}),
                    ([], {"PYTHONPYCACHEPREFIX": prefix})):
    code = "import sys; print(sys.pycache_prefix.replace(%r, '<tmp>')); import nowrite" % tmp
    p = subprocess.run([sys.executable, "-S", *args, "-c", code], cwd=tmp,
                       env={**env, **extra}, capture_output=True, text=True)
    print(p.stdout.split(), p.returncode, [n for n in listing() if "nowrite" in n])
    shutil.rmtree(prefix, ignore_errors=True)

sys.dont_write_bytecode = False
sys.pycache_prefix = prefix
cached = importlib.util.cache_from_source(src)
print(show(cached), show(importlib.util.source_from_cache(cached)))
import nowrite
print(nowrite.VALUE, show(nowrite.__cached__), os.path.exists(cached))
print([p for p in listing() if "__pycache__" in p])
sys.pycache_prefix = None

sys.path.remove(tmp)
shutil.rmtree(tmp)
