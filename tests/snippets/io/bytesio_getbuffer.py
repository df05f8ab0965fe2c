# BytesIO.getbuffer(): a writable memoryview that pins the stream's size while it lives.
import io
b = io.BytesIO(b"hello world")
m = b.getbuffer()
print(type(m).__name__, len(m), m.readonly, bytes(m[:5]), m.obj.__class__.__name__)
m[0] = ord("J")
print(b.getvalue())
for op in (lambda: b.write(b"x"), lambda: b.truncate(2), lambda: b.close(), lambda: b.seek(0)):
    try:
        print(op())
    except BufferError as e:
        print("BufferError", e)
print(b.read())
m.release()
b.write(b"!")
print(b.getvalue())
with b.getbuffer() as v:
    print(v.tobytes())
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print("ValueError", e)
e = io.BytesIO()
print(len(e.getbuffer()), bytes(e.getbuffer()))
