# UTF-7 (RFC 2152): encoding, decoding, incremental decoding and the error handlers.
import codecs

texts = ["", "abc", "a+b", "+", "++", "-", "a-b", "Hi Mom -\u263a-!", "\u65e5\u672c\u8a9e",
         "A\u2262\u0391.", "~\\", "\x00\x01\t\n\r ", "\U0001f600", "a\U0001f600b",
         "\ud800", "\udc00x", "\ud800\udc00", "\u00e9-", "\u00e9a", "\u00e91", "\u00e9+",
         "!\"#$%&*;<=>@[]^_`{|}", "x\u20ac" * 5, "\u20ac-\u20ac.\u20ac/"]
for t in texts:
    b = t.encode("utf-7")
    print(ascii(t), b, ascii(b.decode("utf-7")), codecs.utf_7_encode(t))

for data in [b"+AGEAYgBj-", b"+AGE-", b"+AGEAYg", b"+2D3eAA-", b"+2D3eAA", b"+2D3", b"+2D0-",
             b"+2D0AYQ-", b"+AG", b"+AGF-", b"+-+-", b"+!", b"+", b"a\x80b", b"a~b", b"\\",
             b"+AGE", b"+AGEA", b"+AGEAY", b"+ZeVnLIqe-", b"+ZeVnLIqe", b"+2D3eAA.", b"+2D0a",
             b"+AGEAYgBj", b"+AG-", b"+AGE\x80", b"+AGF\xff-x"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]:
        try:
            print(data, errors, ascii(data.decode("utf-7", errors)))
        except UnicodeDecodeError as e:
            print(data, errors, "UnicodeDecodeError", e, e.start, e.end)
    for final in (False, True):
        try:
            print(" ", final, codecs.utf_7_decode(data, "strict", final))
        except UnicodeDecodeError as e:
            print(" ", final, "UnicodeDecodeError", e)

dec = codecs.getincrementaldecoder("utf-7")()
out = []
for byte in b"a+ZeVnLIqe-b+AGEAYg-c":
    out.append(dec.decode(bytes([byte])))
out.append(dec.decode(b"", final=True))
print(ascii(out))

def handler(exc):
    return ("<%d:%d>" % (exc.start, exc.end), exc.end)
codecs.register_error("utf7test", handler)
print(ascii(b"a+AGF-b\x80+!c".decode("utf-7", "utf7test")))
print(codecs.lookup("utf-7").name, codecs.lookup("U7").name)
for bad in [(1,), (b"x", 1), ()]:
    try:
        codecs.utf_7_decode(*bad)
    except TypeError as e:
        print("TypeError", e)
for bad in [(b"x",), ("x", 1), ()]:
    try:
        codecs.utf_7_encode(*bad)
    except TypeError as e:
        print("TypeError", e)
