# TextIOWrapper with encodings the codec registry knows (not built in): the
# registry's incremental encoder and decoder objects do the work.
import io
import os
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "t.txt")

for enc, text in [("koi8-r", "привет, мир\n"), ("latin9", "€ 10 Š\n"),
                  ("cp437", "│ ░ ╬\n"), ("mac_roman", "café ƒ\n"), ("iso8859_15", "œ\n")]:
    with open(path, "w", encoding=enc) as f:
        print(enc, f.encoding, f.write(text), f.write("second line\r\n"))
    with open(path, "rb") as f:
        print(f.read())
    with open(path, encoding=enc) as f:
        print(repr(f.readline()), f.tell() > 0, repr(f.read()))
    with open(path, encoding=enc, newline="") as f:
        print(f.readlines(), f.newlines)

# tell() and seek() through a registry decoder.
with open(path, "w", encoding="koi8-r") as f:
    f.write("абв\nгде\nжзи\n")
with open(path, encoding="koi8-r") as f:
    f.readline()
    pos = f.tell()
    print(repr(f.readline()), pos)
    f.seek(pos)
    print(repr(f.read(2)), repr(f.read()))

# Errors are handed to the incremental codec.
with open(path, "w", encoding="koi8-r", errors="replace") as f:
    f.write("a\u4e00b\n")
with open(path, "rb") as f:
    print(f.read())
try:
    with open(path, "w", encoding="koi8-r") as f:
        f.write("\u4e00")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
with open(path, "wb") as f:
    f.write(b"\x81\xff")
with open(path, encoding="cp1253", errors="surrogateescape") as f:
    print(ascii(f.read()))
try:
    open(path, encoding="cp1253").read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)

# In memory, reconfigure, and the errors for other codecs.
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="cp1251")
t.write("Ж")
t.reconfigure(encoding="koi8-u")
t.write("Ґ")
t.flush()
print(b.getvalue(), t.encoding)
for enc in ["no-such-codec", "hex", "rot13"]:
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=enc)
    except LookupError as e:
        print(type(e).__name__, e)

# A registered codec whose incremental decoder returns bytes.
import codecs

class BadDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return b"x"


class BadEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return "not bytes"

def search(name):
    if name == "pyrs_bad":
        return codecs.CodecInfo(None, None, incrementalencoder=BadEncoder,
                                incrementaldecoder=BadDecoder, name="pyrs_bad")

codecs.register(search)
try:
    io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"abc")), encoding="pyrs_bad").read()
except TypeError as e:
    print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(), encoding="pyrs_bad")
try:
    t.write("abc")
    t.flush()
except TypeError as e:
    print(type(e).__name__, e)
os.remove(path)
os.rmdir(d)
