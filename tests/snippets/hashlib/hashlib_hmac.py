# hashlib on the fallback (no OpenSSL) constructors, hmac, pbkdf2_hmac and
# file_digest.
import hashlib, hmac, io, warnings
warnings.simplefilter('ignore', DeprecationWarning)
print(sorted(hashlib.algorithms_guaranteed))
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b'The quick brown fox')
    print(name, h.hexdigest(16) if name.startswith('shake') else h.hexdigest(), h.name, h.digest_size, h.block_size)
    ctor = getattr(hashlib, name)
    h2 = ctor(usedforsecurity=False)
    h2.update(b'The quick ')
    h2.update(memoryview(b'brown fox'))
    print(h2.digest(16) if name.startswith('shake') else h2.digest() == h.digest())
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 100).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 2, 20).hex())
print(hashlib.pbkdf2_hmac('sha512', b'pw', b'NaCl', 3, 70).hex())
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.new(b'key', b'msg', hashlib.md5).hexdigest())
print(hmac.new(b'k' * 200, b'msg', 'sha3_256').hexdigest())
h = hmac.new(b'key', digestmod='blake2s')
h.update(b'part one ')
c = h.copy()
h.update(b'part two')
print(h.hexdigest(), c.hexdigest(), h.name, h.digest_size, h.block_size)
print(hmac.digest(b'key', b'msg', 'sha512').hex())
print(hmac.compare_digest(b'a', b'a'), hmac.compare_digest('a', 'b'))
print(hashlib.file_digest(io.BytesIO(b'x' * 100000), 'sha256').hexdigest())
print(hashlib.file_digest(io.BytesIO(b'abc'), hashlib.sha1).hexdigest())
try:
    hashlib.new('nope')
except ValueError as e:
    print(e)
try:
    hmac.new(b'key', b'msg')
except TypeError as e:
    print(e)
