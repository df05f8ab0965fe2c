# hex() with separators and groups; fromhex.
for T in (bytes, bytearray):
    data = T(range(0, 256, 23))
    print(data.hex(), data.hex('-'), data.hex(' ', 3), data.hex(' ', -3), data.hex(b':', 100), data.hex('|', -1))
    for s in ['', '00', 'ff FF', ' 0a 0b ', '0a0b0c\t0d\n0e', 'DeadBeef']:
        print(repr(s), T.fromhex(s))
    for s in ['0', '0 0', 'gg', '0x', 'ab cd e', '\u0663\u0663', 'ab\x00']:
        try:
            T.fromhex(s)
        except ValueError as e:
            print('ValueError', e)
print(bytes.hex.__text_signature__, bytes.fromhex.__text_signature__, bytearray.fromhex.__text_signature__)
print(memoryview(b'ab').hex() if False else 'skip', b'\xff'.hex(sep='_'))
