# _sha512: SHA-512 and SHA-384 objects.
import _sha512

for data in [b'', b'abc', b'a' * 111, b'a' * 112, b'a' * 127, b'a' * 128, b'a' * 129,
             bytes(range(256)) * 5, bytearray(b'xyz'), memoryview(b'view')]:
    print(_sha512.sha512(data).hexdigest(), _sha512.sha384(data).hexdigest())

h = _sha512.sha512()
for i in range(300):
    h.update(bytes(range(i % 256)) * 3)
c = h.copy()
print(h.hexdigest(), c.digest() == h.digest(), len(h.digest()))
c.update(b'more')
print(c.hexdigest() != h.hexdigest(), h.hexdigest() == h.hexdigest())
h2 = _sha512.sha384(string=b'x', usedforsecurity=False)
print(h2.name, h2.digest_size, h2.block_size, h.name, h.digest_size, h.block_size)
print(type(h).__name__, type(h).__module__, type(h2).__name__, _sha512.SHA384Type is type(h2))
print(sorted(n for n in dir(_sha512) if not n.startswith('__')))
print(_sha512.sha512.__doc__)

tests = [
    "_sha512.sha512('abc')", "_sha512.sha512(1)", "type(h)()", "h.update('x')", "h.update()",
    "_sha512.sha512(b'a', b'b')", "_sha512.sha512(data=b'a')", "h.update(None)",
]
for t in tests:
    try:
        print(t, "->", repr(eval(t)))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
