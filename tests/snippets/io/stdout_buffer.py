# Writing to sys.stdout and its binary buffer, flushing between them, reconfigure.
import sys
sys.stdout.write('text first\n')
sys.stdout.flush()
sys.stdout.buffer.write(b'bytes second\n')
sys.stdout.buffer.flush()
print('text third')
sys.stdout.flush()
sys.stdout.buffer.write('é through the buffer\n'.encode())
sys.stdout.buffer.flush()
print(sys.stdout.buffer.name if hasattr(sys.stdout.buffer, 'name') else None)
sys.stdout.reconfigure(line_buffering=True)
print(sys.stdout.line_buffering)
print('after reconfigure')
sys.stdout.reconfigure(errors='replace')
print(sys.stdout.errors, sys.stdout.encoding)
sys.stdout.write(chr(0xd800) + '\n')
sys.stdout.reconfigure(errors='backslashreplace')
sys.stdout.write(chr(0xd800) + '\n')
sys.stdout.reconfigure(errors='surrogateescape')
try:
    sys.stdout.write(chr(0xd800) + '\n')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)
try:
    sys.stdout.reconfigure(newline='x')
except ValueError as e:
    print('ValueError', e)
sys.stdout.writelines(['a', 'b', '\n'])
print(sys.stdout.closed, sys.stdout.tell() >= 0 if sys.stdout.seekable() else 'unseekable')
