import _blake2
for t in (_blake2.blake2b, _blake2.blake2s):
    for k in [dict(digest_size=0), dict(digest_size=65), dict(digest_size=33), dict(digest_size=1.0), dict(digest_size=2**40), dict(digest_size='a'),
              dict(key=b'k'*65), dict(key=b'k'*33), dict(key='x'), dict(key=1), dict(salt=b's'*17), dict(salt=b's'*9), dict(person=b'p'*17), dict(person=b'p'*9),
              dict(fanout=-1), dict(fanout=256), dict(depth=0), dict(depth=256), dict(leaf_size=-1), dict(leaf_size=2**32), dict(leaf_size='a'), dict(leaf_size=1.5),
              dict(node_offset=-1), dict(node_offset=2**48), dict(node_offset=2**64), dict(node_offset=2**65+1), dict(node_offset='a'), dict(node_depth=-1), dict(node_depth=256),
              dict(inner_size=-1), dict(inner_size=65), dict(inner_size=33), dict(last_node=[]), dict(usedforsecurity=0), dict(data=b''), dict(bogus=1),
              dict(key=None), dict(leaf_size=True)]:
        try: print(t.__name__, k, t(b'x', **k).hexdigest())
        except Exception as e: print(t.__name__, k, type(e).__name__, e)
    for a in [(b'', b''), ('s',), (1,)]:
        try: print(t(*a))
        except Exception as e: print(type(e).__name__, e)
