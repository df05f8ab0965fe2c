import _blake2
inputs = [b'', b'abc', b'a'*63, b'a'*64, b'a'*65, b'a'*127, b'a'*128, b'a'*129, bytes(range(256))*5]
for t in (_blake2.blake2b, _blake2.blake2s):
    for d in inputs:
        print(t.__name__, len(d), t(d).hexdigest())
    for kw in [dict(digest_size=20), dict(key=b'secret'), dict(key=b'k'*32), dict(salt=b'salt'), dict(person=b'me'),
               dict(fanout=0, depth=2, leaf_size=4096, node_offset=5, node_depth=1, inner_size=16, last_node=True),
               dict(node_offset=2**40, last_node=1), dict(key=b'k', digest_size=1, salt=b's'*8, person=b'p'*8)]:
        h = t(b'hello world', **kw)
        print(kw, h.hexdigest(), h.digest_size)
    h = t(key=b'abc')
    for d in inputs: h.update(d)
    c = h.copy(); c.update(b'z')
    print(h.hexdigest(), c.digest(), h.name, h.block_size, h.digest_size, type(h))
    print(t.SALT_SIZE, t.PERSON_SIZE, t.MAX_KEY_SIZE, t.MAX_DIGEST_SIZE)
print(sorted((k, v) for k, v in vars(_blake2).items() if k.isupper()), _blake2.__doc__)
