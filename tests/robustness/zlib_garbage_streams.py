"""zlib on damaged and hostile input: truncated, bit-flipped and random streams through
decompress and decompressobj (with small max_length, flush, copy), objects used after
their end and in odd orders; every case is a result or zlib.error, never a crash."""
import zlib, hashlib
data = b''.join(b'%d:%s\n' % (i, hashlib.md5(b'%d' % i).hexdigest().encode()) for i in range(2000))
good = zlib.compress(data, 9)
outcomes = {}
def note(kind, f):
    try:
        r = f()
        key = (kind, 'ok', len(r) if isinstance(r, bytes) else type(r).__name__)
    except zlib.error as e:
        key = (kind, 'error', str(e).split(':')[0])
    except ValueError as e:
        key = (kind, 'ValueError', str(e))
    outcomes[key] = outcomes.get(key, 0) + 1
for cut in range(0, len(good), 197):
    note('truncated', lambda: zlib.decompress(good[:cut]))
for pos in range(2, len(good), 263):
    bad = bytearray(good)
    bad[pos] ^= 0x55
    note('flipped', lambda: zlib.decompress(bytes(bad)))
    d = zlib.decompressobj()
    note('flipped-obj', lambda: d.decompress(bytes(bad), 64) + d.flush(1))
seed = b'seed'
for i in range(100):
    seed = hashlib.sha256(seed).digest()
    junk = seed * (i % 5 + 1)
    for wbits in (15, -15, 31, 47, 0):
        note('random-%d' % wbits, lambda: zlib.decompress(junk, wbits))
# Objects driven out of order.
for i in range(50):
    c = zlib.compressobj(i % 10, zlib.DEFLATED, 9 + i % 7)
    note('comp', lambda: c.compress(data[:i * 50]))
    note('comp-flush', lambda: c.flush(zlib.Z_FULL_FLUSH if i % 2 else zlib.Z_FINISH))
    note('comp-after', lambda: c.compress(b'more'))
    note('comp-copy', lambda: c.copy())
    d = zlib.decompressobj()
    note('decomp', lambda: d.decompress(good[i * 10:], 1 + i))
    note('decomp-copy', lambda: d.copy().flush())
    note('decomp-flush', lambda: d.flush())
    note('decomp-after', lambda: d.decompress(good))
for k in sorted(outcomes, key=repr):
    print(k, outcomes[k])
