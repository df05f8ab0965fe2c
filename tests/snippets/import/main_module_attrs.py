# __main__'s __loader__, __spec__, __file__ and __builtins__ as CPython sets them
# for a script, -c, stdin and -m; and the '__builtins__' that exec() and eval()
# add to a globals dict lacking it: the running frame's builtins dict.
import atexit
import builtins
import os
import subprocess
import sys

import __main__

print(type(__main__.__loader__).__name__, __main__.__loader__.name)
print(os.path.basename(__main__.__loader__.path), __spec__, __loader__ is __main__.__loader__)
print(os.path.basename(__file__), __cached__, type(__builtins__).__name__)
atexit.register(lambda: print("at exit:", hasattr(__main__, "__file__"), hasattr(__main__, "__cached__")))

g = {}
exec("x = 1", g)
print(type(g["__builtins__"]).__name__, g["__builtins__"] is builtins.__dict__, sorted(g))
g = {}
print(eval("len('ab')", g), g["__builtins__"] is builtins.__dict__)
g = {"__builtins__": None}
exec("y = 2", g)
print(g["__builtins__"], g["y"])

# A function with its own builtins passes them on to exec().
own = {"len": lambda s: 42, "exec": exec, "print": print}
fg = {"__builtins__": own}
exec("def f():\n    d = {}\n    exec('z = len(\"a\")', d)\n    return d", fg)
d = fg["f"]()
print(d["z"], d["__builtins__"] is own)

code = "import __main__; print(__main__.__loader__, __main__.__spec__, __main__.__dict__.get('__file__'), type(__builtins__).__name__)"
r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print("-c:", r.stdout + r.stderr, end="")
stdin_code = "import __main__; print(__main__.__loader__, __main__.__spec__, __main__.__dict__.get('__file__'), __main__.__dict__.get('__cached__', 'unset'))\n"
r = subprocess.run([sys.executable, "-"], input=stdin_code, capture_output=True, text=True)
print("stdin:", r.stdout + r.stderr, end="")
r = subprocess.run([sys.executable, "-m", "_mainmod"], capture_output=True, text=True, cwd=os.path.dirname(__file__))
print("-m:", r.stdout + r.stderr, end="")
