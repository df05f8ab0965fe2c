# marshal.dump/load on file objects: several values in a row, EOF, bad files.
import io
import marshal

buf = io.BytesIO()
for v in [1, "two", (3.0, [4]), {"five": {6}}]:
    marshal.dump(v, buf)
marshal.dump(b"x", buf, 2)
print(buf.getvalue().hex())
buf.seek(0)
for _ in range(5):
    print(marshal.load(buf))
for thunk in (lambda: marshal.load(buf), lambda: marshal.load(io.BytesIO(b"s\x05\x00\x00\x00ab")),
              lambda: marshal.load(io.StringIO("abc")), lambda: marshal.load(object()),
              lambda: marshal.dump(1, object()), lambda: marshal.dump(1),
              lambda: marshal.dump(object(), io.BytesIO())):
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Greedy(io.RawIOBase):
    def readinto(self, b):
        return len(b) + 1

    def read(self, n=-1):
        return b""

    def readable(self):
        return True


try:
    marshal.load(Greedy())
except Exception as e:
    print(type(e).__name__ + ":", e)
