# -X dev: sys.flags.dev_mode, and str.encode / bytes.decode / str(bytes, ...) look up
# the encoding and error handler even when the data does not need them
# (unicode_check_encoding_errors). Outside dev mode they are not checked.
import subprocess, sys

code = r"""
import sys
print(sys.flags.dev_mode)
print(sys.flags)
cases = [
    lambda: ''.encode('utf-8', 'nope'),
    lambda: 'abc'.encode('latin1', 'nope'),
    lambda: ''.encode('nope'),
    lambda: b''.decode('nope'),
    lambda: b'abc'.decode('utf-8', 'nope'),
    lambda: bytearray(b'').decode('ascii', 'nope'),
    lambda: str(b'', 'nope'),
    lambda: str(b'', 'utf-8', 'nope'),
    lambda: str(b'x', errors='nope'),
    lambda: str(memoryview(b''), 'nope'),
    lambda: b''.decode('hex'),
    lambda: ''.encode(errors='strict'),
]
for f in cases:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
"""
for flags in (['-X', 'dev'], []):
    r = subprocess.run([sys.executable, *flags, '-c', code], capture_output=True, text=True)
    print(flags, r.returncode)
    print(r.stdout, end='')
    print(r.stderr, end='')
