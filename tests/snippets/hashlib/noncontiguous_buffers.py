# Hash and zlib arguments are asked for as simple (contiguous) buffers: a strided
# memoryview raises BufferError; contiguous views and bytearrays work.
import hashlib, zlib, _sha256, _md5, array
m = memoryview(b'abcdef')[::2]
calls = [
    lambda: _sha256.sha256(m), lambda: _md5.md5().update(m), lambda: hashlib.blake2b(key=m),
    lambda: hashlib.blake2s(salt=m), lambda: hashlib.sha3_256(m), lambda: hashlib.shake_128().update(m),
    lambda: zlib.compress(m), lambda: zlib.crc32(m), lambda: zlib.adler32(b'', 1) and zlib.adler32(m),
    lambda: zlib.decompressobj(zdict=m), lambda: zlib.compressobj(zdict=m),
    lambda: zlib.decompressobj().decompress(m), lambda: zlib.compressobj().compress(m),
]
for f in calls:
    try:
        print(type(f()).__name__)
    except Exception as e:
        print(type(e).__name__, e)
ok = memoryview(b'xxabcdefxx')[2:8]
a = array.array('I', [1, 2, 3])
print(hashlib.sha256(ok).hexdigest(), hashlib.md5(bytearray(b'abcdef')).hexdigest(), hashlib.sha1(a).hexdigest())
print(zlib.crc32(ok), zlib.compress(a), hashlib.blake2b(b'', key=memoryview(b'k')).hexdigest()[:16])
