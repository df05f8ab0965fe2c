# json.tool from the command line, and decoder/encoder edge cases.
import json
import json.decoder
import subprocess
import sys
import tempfile
import os

d = json.decoder.JSONDecoder()
for idx in (-50000, -1, 0, 100):
    try:
        print(d.raw_decode('a' * 42 + '1', idx))
    except ValueError as e:
        print(type(e).__name__, e)
from json import scanner
py_scan = scanner.py_make_scanner(d)
for idx in (-50000, -1, 41, 43):
    try:
        print(py_scan('a' * 42 + '1', idx))
    except StopIteration as e:
        print("StopIteration", e.value)

a = [object()] * 10
def crasher(obj):
    del a[-1]
print(json.dumps(a, default=crasher))

def run(*args, data):
    p = subprocess.run([sys.executable, '-m', 'json.tool', *args], input=data,
                       capture_output=True, text=True)
    print(p.returncode, repr(p.stdout), repr(p.stderr.strip().splitlines()[-1:]))

doc = '{"b": [1, 2.5, null], "a": "\u00e9"}'
run(data=doc)
run('--sort-keys', data=doc)
run('--compact', data=doc)
run('--no-ensure-ascii', '--indent', '2', data=doc)
run('--tab', data=doc)
run('--no-indent', data=doc)
run('--json-lines', '--compact', data='{"x": 1}\n[2]\n')
run(data='{1: 2}')
run('--indent', '2', '--tab', data=doc)
with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, 'in.json')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(doc)
    run(src, src, data='')
    with open(src, encoding='utf-8') as f:
        print(f.read())
