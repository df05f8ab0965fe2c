# center() puts the odd pad character where CPython does, for every parity.
for s in ['', 'a', 'ab', 'abc', 'abcd']:
    print([s.center(w, '.') for w in range(0, 9)])
for s in [b'', b'a', b'ab', b'abc']:
    print([s.center(w, b'.') for w in range(0, 8)], [bytearray(s).center(w) for w in range(3, 6)])
print(['αβ'.center(w, '€') for w in range(1, 7)], ['\U0001f600'.center(w) for w in range(0, 4)])
