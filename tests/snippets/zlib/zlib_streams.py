# compressobj/decompressobj: streaming, flush modes, zdict, copy, max_length,
# unused_data, unconsumed_tail, eof, and their errors.
import zlib, copy, hashlib
data = b''.join(b'record %d: %s\n' % (i, b'abc' * (i % 7)) for i in range(4000))
rnd = hashlib.sha256(b'x').digest() * 1000

# Compressing in pieces with each flush mode.
for mode in (zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK):
    c = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY)
    parts = []
    for i in range(0, len(data), 7000):
        parts.append(c.compress(data[i:i + 7000]))
        parts.append(c.flush(mode))
    parts.append(c.flush())
    out = b''.join(parts)
    print(mode, [len(p) for p in parts][:12], len(out), zlib.crc32(out), zlib.decompress(out) == data)

for kw in [dict(level=1), dict(level=9, memLevel=9), dict(wbits=-12), dict(wbits=31), dict(strategy=zlib.Z_FILTERED),
           dict(strategy=zlib.Z_HUFFMAN_ONLY), dict(strategy=zlib.Z_RLE), dict(strategy=zlib.Z_FIXED), dict(memLevel=1)]:
    c = zlib.compressobj(**kw)
    out = c.compress(data) + c.compress(rnd) + c.flush()
    print(kw, len(out), zlib.crc32(out))

# zdict on both sides.
zd = b'record abcabcabc: \n'
c = zlib.compressobj(zdict=zd)
comp = c.compress(data[:3000]) + c.flush()
print(len(comp), zlib.crc32(comp))
d = zlib.decompressobj(zdict=zd)
print(d.decompress(comp) == data[:3000], d.eof)
try:
    zlib.decompress(comp)
except zlib.error as e:
    print(e)
d = zlib.decompressobj()
try:
    d.decompress(comp)
except zlib.error as e:
    print(e)
c = zlib.compressobj(wbits=-15, zdict=bytearray(zd))
comp = c.compress(data[:500]) + c.flush()
d = zlib.decompressobj(wbits=-15, zdict=memoryview(zd))
print(d.decompress(comp) == data[:500], d.eof)

# Streaming decompression with max_length, unconsumed_tail, unused_data, eof.
comp = zlib.compress(data)
d = zlib.decompressobj()
out = []
chunk = d.decompress(comp, 1000)
steps = 0
while chunk:
    out.append(chunk)
    steps += 1
    if steps < 4:
        print(len(chunk), len(d.unconsumed_tail), d.eof)
    chunk = d.decompress(d.unconsumed_tail, 1000)
out.append(d.flush())
print(steps, b''.join(out) == data, d.eof, d.unused_data, d.unconsumed_tail)

d = zlib.decompressobj()
pieces = [d.decompress(comp[i:i + 50]) for i in range(0, len(comp), 50)]
print(len(pieces), sum(map(len, pieces)), d.eof, d.unused_data)
d = zlib.decompressobj()
print(len(d.decompress(comp + b'trailing garbage')), d.unused_data, d.eof, d.unconsumed_tail)
print(d.decompress(b'more'), d.unused_data, d.eof)
print(d.flush(), d.eof, d.unused_data)
d = zlib.decompressobj()
r = d.decompress(comp[:len(comp) // 2])
print(len(r), d.eof, len(d.flush()), d.eof)
d = zlib.decompressobj()
print(len(d.decompress(comp, 10)), len(d.unconsumed_tail), len(d.flush(1)), d.eof, d.unconsumed_tail)

# copy() of both kinds, and copy/deepcopy protocols.
c = zlib.compressobj()
c.compress(data[:1000])
c2 = c.copy()
c3 = copy.copy(c)
c4 = copy.deepcopy(c)
outs = [x.compress(data[1000:2000]) + x.flush() for x in (c, c2, c3, c4)]
print(len(set(outs)), len(outs[0]))
d = zlib.decompressobj()
d.decompress(comp[:200])
d2 = d.copy()
a = d.decompress(comp[200:]) + d.flush()
b = d2.decompress(comp[200:]) + d2.flush()
print(a == b, len(a), type(d2).__name__, copy.deepcopy(zlib.decompressobj()).eof)

errors = [
    lambda: zlib.compressobj(level=10),
    lambda: zlib.compressobj(method=9),
    lambda: zlib.compressobj(wbits=100),
    lambda: zlib.compressobj(memLevel=0),
    lambda: zlib.compressobj(strategy=9),
    lambda: zlib.compressobj(zdict='s'),
    lambda: zlib.compressobj(zdict=None),
    lambda: zlib.compressobj(1, 8, 15, 8, 0, b'', 1),
    lambda: zlib.decompressobj(zdict='s'),
    lambda: zlib.decompressobj(wbits=100),
    lambda: zlib.decompressobj(wbits=-15, zdict=b'').decompress(b'\x03\x00'),
    lambda: zlib.decompressobj().decompress(b'', -1),
    lambda: zlib.decompressobj().decompress(),
    lambda: zlib.decompressobj().decompress('s'),
    lambda: zlib.decompressobj().flush(0),
    lambda: zlib.decompressobj().flush(-5),
    lambda: zlib.decompressobj().decompress(b'not zlib data'),
    lambda: zlib.compressobj().compress('s'),
    lambda: zlib.compressobj().flush(1, 2),
]
for f in errors:
    try:
        r = f()
        print(type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

# Using objects after the end.
c = zlib.compressobj()
c.compress(b'x')
c.flush()
for f in (lambda: c.compress(b'y'), lambda: c.flush(), lambda: c.copy(), lambda: c.flush(zlib.Z_SYNC_FLUSH), lambda: c.flush(zlib.Z_NO_FLUSH)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b'abc') + b'tail'), d.unused_data, d.eof, d.flush(), d.eof)
for f in (lambda: d.decompress(b'y'), lambda: d.flush(), lambda: d.copy(), lambda: d.decompress(b'', -1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for attr in ('eof', 'unused_data', 'unconsumed_tail'):
    try:
        setattr(d, attr, 1)
    except AttributeError as e:
        print(e)
print(type(d).__name__, type(c).__name__, type(type(d).__dict__['eof']).__name__)
for t in (type(c), type(d)):
    try:
        t()
    except TypeError as e:
        print(e)
