import _sha3
inputs = [b'', b'abc', b'a'*135, b'a'*136, b'a'*137, b'a'*143, b'a'*144, bytes(range(256))*5]
for n in ('sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256'):
    t = getattr(_sha3, n)
    shake = n.startswith('shake')
    for d in inputs:
        h = t(d)
        print(n, len(d), h.hexdigest(300) if shake else h.hexdigest())
    h = t()
    for d in inputs: h.update(d)
    c = h.copy(); c.update(b'q')
    if shake:
        print(h.digest(10), c.hexdigest(0), h.hexdigest(1))
    else:
        print(h.digest(), c.hexdigest())
    print(h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits, h._suffix, type(h), t.__doc__)
    for a, k in [((b'', b''), {}), ((), {'data': b''}), (('x',), {}), ((1,), {}), ((bytearray(b'x'),), {'usedforsecurity': False})]:
        try: print(t(*a, **k).name)
        except Exception as e: print(type(e).__name__, e)
s = _sha3.shake_256(b'x')
for a in [(-1,), (2**29,), (2**64,), ('a',), (1.0,), (), (True,)]:
    try: print(s.digest(*a)[:4])
    except Exception as e: print(type(e).__name__, e)
    try: print(s.hexdigest(*a)[:4])
    except Exception as e: print(type(e).__name__, e)
print(_sha3.implementation, _sha3.keccakopt, sorted(k for k in dir(_sha3) if not k.startswith('__')))
try:
    class X(_sha3.sha3_256): pass
except TypeError as e: print(e)
