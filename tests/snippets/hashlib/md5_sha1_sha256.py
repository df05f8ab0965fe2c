import _md5, _sha1, _sha256
inputs = [b'', b'abc', b'a'*55, b'a'*56, b'a'*63, b'a'*64, b'a'*65, bytes(range(256))*10]
for mod, fns in ((_md5, ['md5']), (_sha1, ['sha1']), (_sha256, ['sha256', 'sha224'])):
    for fn in fns:
        f = getattr(mod, fn)
        for d in inputs:
            print(fn, len(d), f(d).hexdigest())
        h = f()
        for d in inputs:
            h.update(d)
        c = h.copy(); c.update(b'x')
        print(h.hexdigest(), c.digest(), h.name, h.digest_size, h.block_size, type(h))
        print(f(string=memoryview(b'zz'), usedforsecurity=False).hexdigest())
        for bad in ('x', 1):
            try: f(bad)
            except TypeError as e: print(e)
        try: f(b'', b'')
        except TypeError as e: print(e)
print(_md5.MD5Type, _sha256.SHA224Type, _sha256.SHA256Type, _sha1.SHA1Type)
