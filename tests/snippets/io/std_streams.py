# sys.stdin/stdout/stderr are TextIOWrappers with CPython's settings (in a pipe).
import sys, io
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(repr(s), s.name, s.mode, s.encoding, s.errors, s.closed, s.fileno(), type(s).__name__)
    print('  ', s.readable(), s.writable(), s.isatty(), repr(getattr(s.buffer, 'raw', s.buffer).name), getattr(s.buffer, 'raw', s.buffer).closefd, s.newlines)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stderr.line_buffering, isinstance(sys.stdout, io.TextIOBase))
print(sys.stdout.write('written\n'))
sys.stdout.write('no newline')
sys.stdout.write(' then newline\n')
sys.stdout.flush()
print('ä€𝄞')
sys.stdout.write(chr(0xdc80) + '\n')
print(end='')
print('a', 'b', sep='-', end='!\n', file=sys.stdout, flush=True)
s = io.StringIO()
print('to', 'stringio', file=s)
print(repr(s.getvalue()))
try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError', e)
