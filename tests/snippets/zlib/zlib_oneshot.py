# zlib.compress/decompress: levels, wbits (zlib, raw, gzip), bufsize, checksums,
# constants and errors; compressed bytes compared with CPython's.
import zlib, hashlib
data = b''.join(b'line %d of some fairly repetitive text\n' % i for i in range(3000))
rnd = hashlib.sha512(b'seed').digest() * 300
for d in (b'', b'a', data[:1000], data, rnd):
    for level in (-1, 0, 1, 6, 9):
        c = zlib.compress(d, level)
        print(len(d), level, len(c), zlib.crc32(c), zlib.decompress(c) == d)
    for wbits in (9, 15, -15, -9, 31, 25):
        c = zlib.compress(d, wbits=wbits)
        print(len(d), wbits, c[:12].hex(), len(c), zlib.adler32(c), zlib.decompress(c, wbits) == d)
    c = zlib.compress(d, 5, 31)
    print(zlib.decompress(c, 47) == d, zlib.decompress(zlib.compress(d), 0) == d)
    for bufsize in (0, 1, 7, 100000):
        print(zlib.decompress(zlib.compress(d), bufsize=bufsize) == d)
print(zlib.compress(data=b'x') if False else zlib.compress(b'x', level=9, wbits=-9))
print(zlib.crc32(b''), zlib.crc32(b'abc'), zlib.crc32(b'abc', 12345), zlib.crc32(b'abc', -1), zlib.crc32(b'abc', 2**70 + 5))
print(zlib.adler32(b''), zlib.adler32(b'abc'), zlib.adler32(b'abc', 0), zlib.adler32(data), zlib.adler32(bytearray(b'xyz'), -7))
print(zlib.crc32(memoryview(data)), zlib.crc32(data[:100], zlib.crc32(data[100:])))
names = [n for n in dir(zlib) if n.isupper() and n.startswith(('Z_', 'DEF', 'MAX'))]
print([(n, getattr(zlib, n)) for n in sorted(names)])
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.__version__, zlib.error, zlib.error.__mro__)
bad_calls = [
    lambda: zlib.decompress(b'garbage'),
    lambda: zlib.decompress(zlib.compress(data)[:-3]),
    lambda: zlib.decompress(zlib.compress(b'x', wbits=-15)),
    lambda: zlib.decompress(zlib.compress(b'x'), -15),
    lambda: zlib.decompress(b'x', wbits=100),
    lambda: zlib.decompress(b'x', bufsize=-1),
    lambda: zlib.compress(b'x', 10),
    lambda: zlib.compress(b'x', wbits=100),
    lambda: zlib.compress('text'),
    lambda: zlib.compress(),
    lambda: zlib.compress(b'x', 1, 15, 3),
    lambda: zlib.compress(data=b'x'),
    lambda: zlib.compress(b'x', level=1.5),
    lambda: zlib.compress(b'x', level=2**40),
    lambda: zlib.crc32(),
    lambda: zlib.crc32(b'', 'a'),
    lambda: zlib.crc32(b'', 1.5),
    lambda: zlib.crc32('s'),
    lambda: zlib.adler32(b'', 1, 2),
    lambda: zlib.decompress(b'x\x9c' + b'\x00' * 10),
    lambda: zlib.decompress(zlib.compress(b'x'), bufsize=2**62),
    lambda: zlib.decompress(b'', bufsize=2**63),
    lambda: zlib.decompressobj().flush(2**62),
    lambda: zlib.decompressobj().decompress(b'', 2**63),
]
for f in bad_calls:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
