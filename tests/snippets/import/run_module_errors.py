# `-m` reports runpy's errors as "<executable>: <message>" (exit status 1), and
# lets an error raised by a parent package's code through with its traceback.
import os
import subprocess
import sys
import tempfile

def run(*args, cwd=None):
    p = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd)
    err = p.stderr.replace(sys.executable, '<exe>')
    lines = err.splitlines()
    print(p.returncode, repr(p.stdout), lines[-1] if lines else '', lines[0] if lines else '')

run('-m', 'no_such_module_xyz')
run('-m', 'json')
run('-m', 'no_such_pkg_xyz.sub')
run('-m', 'os.path.nope')
run('-m', 'json.nope')
run('-m', '.relative')
run('-m', 'no_such_module_xyz.py')
run('-m', '__main__')

with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, 'badpkg'))
    with open(os.path.join(d, 'badpkg', '__init__.py'), 'w') as f:
        f.write("raise ValueError('boom')\n")
    os.mkdir(os.path.join(d, 'goodpkg'))
    with open(os.path.join(d, 'goodpkg', '__init__.py'), 'w') as f:
        f.write("")
    with open(os.path.join(d, 'goodpkg', '__main__.py'), 'w') as f:
        f.write("print('main of', __name__, __spec__.name)\n")
    with open(os.path.join(d, 'goodpkg', 'mod.py'), 'w') as f:
        f.write("import sys; print('mod', __name__, sys.argv[1:])\n")
    os.mkdir(os.path.join(d, 'nspkg'))
    run('-m', 'badpkg.sub', cwd=d)
    run('-m', 'goodpkg', cwd=d)
    run('-m', 'goodpkg.mod', 'a', 'b', cwd=d)
    run('-m', 'goodpkg.nope', cwd=d)
    run('-m', 'nspkg', cwd=d)
