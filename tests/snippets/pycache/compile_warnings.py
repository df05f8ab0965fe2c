# Compile-time warnings come from the compiler, so a module loaded from its .pyc
# shows none: the first import warns, the next ones (in new interpreters) do not,
# until the source changes; with the cache off every import warns.
import os
import shutil
import subprocess
import sys
import tempfile

tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, "warnmod.py"), "w") as f:
    f.write("def f(x):\n    return x is 1\n")
env = dict(os.environ)
env.pop("PYTHONDONTWRITEBYTECODE", None)
env.pop("PYTHONPYCACHEPREFIX", None)
env.pop("PYTHONPATH", None)


def run(*args):
    p = subprocess.run([sys.executable, "-S", *args, "-c", "import warnmod; print(warnmod.f(1))"],
                       cwd=tmp, env=env, capture_output=True, text=True)
    lines = [l.strip() for l in p.stderr.splitlines() if "Warning" in l]
    return p.stdout.split(), [l.replace(tmp, "<tmp>") for l in lines]


print(run("-B"))
print(run())
print(run())
with open(os.path.join(tmp, "warnmod.py"), "a") as f:
    f.write("Y = 2\n")
print(run())
shutil.rmtree(tmp)
