# bytes iteration, hashing, sets/dicts of bytes, bool.
b = b'\x00\x01\xfe\xff'
it = iter(b)
print(type(it).__name__, it.__length_hint__(), next(it), list(it), it.__length_hint__(), list(it))
it = iter(b'abcdef')
it.__setstate__(3)
print(list(it))
print(list(bytes(5)), sum(b'abc'), max(b'abc'), sorted(b'cab'), [x for x in b'' ])
d = {b'a': 1, b'b': 2, bytes([97]): 3}
print(d, b'a' in d, len({b'x', b'x', bytes(b'x')}))
print(bool(b''), bool(b'\x00'), not b'', b'' or b'default')
print(hash(b'abc') == hash(bytes([97, 98, 99])), hash(b'') == hash(''), hash(b'a') == hash('a'))
try:
    hash(bytearray(b'a'))
except TypeError as e:
    print('TypeError', e)
try:
    {bytearray(b'a'): 1}
except TypeError as e:
    print('TypeError', e)
print(bytes.__hash__ is not None, bytearray.__hash__)
try:
    type(iter(b''))()
except TypeError as e:
    print('TypeError', e)
