# gzip, zipfile and tarfile (gz) from the standard library on top of zlib.
import gzip, io, os, tarfile, tempfile, zipfile, zlib
data = b''.join(b'%d squared is %d\n' % (i, i * i) for i in range(5000))

blob = gzip.compress(data, compresslevel=9, mtime=0)
print(len(blob), zlib.crc32(blob), blob[:10].hex(), gzip.decompress(blob) == data)
print(gzip.decompress(gzip.compress(b'', mtime=0)), gzip.compress(b'abc', mtime=0).hex())
print(gzip.decompress(blob + gzip.compress(b'second member', mtime=0))[-13:])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=12345, filename='name.txt') as f:
    f.write(data[:20000])
    f.write(memoryview(data[20000:]))
raw = buf.getvalue()
print(len(raw), zlib.crc32(raw))
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read(10), f.readline(), len(f.read()), f.mtime)
with gzip.open(io.BytesIO(raw), 'rt', encoding='ascii') as f:
    lines = f.readlines()
    print(len(lines), lines[:2])
try:
    gzip.decompress(raw[:-10])
except EOFError as e:
    print('EOFError', e)
try:
    gzip.decompress(b'not gzip at all')
except gzip.BadGzipFile as e:
    print('BadGzipFile', e)

with tempfile.TemporaryDirectory() as tmp:
    zpath = os.path.join(tmp, 'a.zip')
    with zipfile.ZipFile(zpath, 'w', compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('data.txt', date_time=(2020, 1, 2, 3, 4, 6)), data,
                   compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo('empty', date_time=(2020, 1, 2, 3, 4, 6)), b'')
        zi = zipfile.ZipInfo('stored.bin', date_time=(2020, 1, 2, 3, 4, 6))
        zi.compress_type = zipfile.ZIP_STORED
        z.writestr(zi, b'raw bytes')
        z.writestr(zipfile.ZipInfo('level1', date_time=(2020, 1, 2, 3, 4, 6)), data[:5000],
                   compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    with open(zpath, 'rb') as f:
        zbytes = f.read()
    print(len(zbytes), zlib.crc32(zbytes))
    with zipfile.ZipFile(zpath) as z:
        for info in z.infolist():
            print(info.filename, info.compress_type, info.file_size, info.compress_size, info.CRC)
        print(z.read('data.txt') == data, z.read('stored.bin'), z.testzip())
        with z.open('data.txt') as f:
            print(f.read(15), len(f.read()))

    tpath = os.path.join(tmp, 'a.tar.gz')
    with tarfile.open(tpath, 'w:gz') as t:
        for name, payload in (('one.txt', data[:3000]), ('two.txt', data)):
            ti = tarfile.TarInfo(name)
            ti.size = len(payload)
            ti.mtime = 1600000000
            t.addfile(ti, io.BytesIO(payload))
    with tarfile.open(tpath, 'r:gz') as t:
        print(t.getnames())
        print(t.extractfile('two.txt').read() == data, len(t.extractfile('one.txt').read()))
    with tarfile.open(tpath) as t:
        print([m.size for m in t.getmembers()])
