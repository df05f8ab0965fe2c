# struct: pack/unpack/calcsize/pack_into/unpack_from/iter_unpack/Struct with every
# format character, byte order and alignment, and CPython's errors.
import struct
import _struct

print(sorted(n for n in dir(_struct) if not n.startswith('__')), struct.__all__)
print(struct.error, struct.error.__module__, issubclass(struct.error, Exception))
print(struct.Struct.__doc__, struct.Struct.__name__, struct.Struct.__module__)

values = {
    'b': [-128, -1, 0, 127], 'B': [0, 255, 7], 'h': [-32768, 32767, -2], 'H': [0, 65535],
    'i': [-2**31, 2**31 - 1, 5], 'I': [0, 2**32 - 1], 'l': [-2**63, 2**63 - 1],
    'L': [0, 2**64 - 1], 'q': [-2**63, 2**63 - 1, -1], 'Q': [0, 2**64 - 1], 'n': [-5, 2**62],
    'N': [0, 2**64 - 1], 'P': [0, 12345, 2**64 - 1], '?': [True, False, 5, [], 'x'],
    'e': [0.0, -0.0, 1.5, 0.1, 65504.0, 6e-8, 1e-8, -2.5e-5, float('inf'), float('-inf')],
    'f': [0.0, -0.0, 1.5, 0.1, 3.4028234e38, 1e-40, float('inf'), 1e300],
    'd': [0.0, -0.0, 0.1, 1e308, 5e-324, float('-inf')],
}
for order in ['', '@', '=', '<', '>', '!']:
    for c, vs in values.items():
        fmt = order + c
        for v in vs:
            try:
                packed = struct.pack(fmt, v)
                print(fmt, repr(v), packed, struct.unpack(fmt, packed), struct.calcsize(fmt))
            except Exception as e:
                print(fmt, repr(v), '!!', type(e).__name__, e)

print(struct.pack('<e', float('nan')), struct.pack('>f', float('nan')), struct.pack('<d', float('nan')))
print(struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x00\xfe'), struct.unpack('<e', b'\x01\x00'),
      struct.unpack('>e', b'\x3c\x01'), struct.unpack('<f', b'\x00\x00\xc0\x7f'))
for fmt in ['ci', '<ci', '@ci', '=ci', '!ci', 'bhilq', 'qb', '<qb', '!2e', '  i  ', 'i\ti', '<', '',
            'P', 'n', 'N', 'e', '0s', '0i', 'bi0q', 'Pe?', 'b5sh', '3x', 'x3si', 'c?hiq', '2p']:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack('3s', b'abcdef'), struct.pack('5p', b'abc'), struct.pack('p', b'abc'),
      struct.pack('300p', b'a' * 300)[:3], struct.pack('s', b''), struct.pack('0s', b'abc'),
      struct.pack('2c', b'a', b'b'), struct.pack('s', bytearray(b'ab')), struct.pack('<2s3x?', b'hi', True))
print(struct.unpack('<5p', b'\x03abcd'), struct.unpack('<5p', b'\x09abcd'), struct.unpack('<c', b'z'),
      struct.unpack('2c3s?x', b'abcdefg'), struct.unpack('@?i', bytes(8)))
print(struct.pack('@bq', 1, 2), struct.pack('=bq', 1, 2), struct.pack('@?i', True, 3),
      struct.pack('>i', -1), struct.pack('!H', 258), struct.pack('i', True), struct.pack(b'<i', 5))
print(struct.unpack('<q', b'\xff' * 8), struct.unpack('<Q', b'\xff' * 8), struct.unpack('>h', b'\x80\x00'),
      struct.unpack('>I', b'\x80\x00\x00\x01'), struct.unpack('<l', b'\xfe\xff\xff\xff'))


class Idx:
    def __index__(self):
        return 7


print(struct.pack('<i', Idx()), struct.pack('<Q', Idx()), struct.pack('P', Idx()))

s = struct.Struct('<ih2s')
print(s.format, s.size, s.pack(1, 2, b'xy'), s.unpack(b'\x01\x00\x00\x00\x02\x00xy'),
      s.unpack_from(b'??\x01\x00\x00\x00\x02\x00xy', 2), s.unpack_from(buffer=bytes(8)))
print(struct.Struct(b'>h').format, struct.Struct(format='h').size)
s.__init__('h')
print(s.format, s.size, s.pack(3))
buf = bytearray(10)
print(struct.pack_into('<hh', buf, 1, 2, 3), buf)
print(struct.pack_into('<h', buf, -2, -1), buf)
s2 = struct.Struct('<H')
s2.pack_into(buf, 4, 0xabcd)
print(buf, struct.unpack_from('<H', buf, 4), struct.unpack_from('<H', buf, offset=-6))
print(struct.unpack_from('<h', memoryview(b'abcdef'), 2), struct.unpack('<h', bytearray(b'ab')))
print(list(struct.iter_unpack('<h', b'abcdef')), list(struct.iter_unpack('<2B', bytearray(b'abcd'))))
it = struct.Struct('<b').iter_unpack(b'xyz')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(type(it).__name__, type(it).__module__)
struct._clearcache()


class MyStruct(struct.Struct):
    pass


print(MyStruct('<i').pack(3), isinstance(MyStruct('i'), struct.Struct))

tests = [
    "struct.pack('i')",
    "struct.pack('i', 1, 2)",
    "struct.pack('i', 'a')",
    "struct.pack('i', 2**40)",
    "struct.pack('<i', 2**40)",
    "struct.pack('B', 256)",
    "struct.pack('B', -1)",
    "struct.pack('b', 128)",
    "struct.pack('<h', 70000)",
    "struct.pack('<H', -1)",
    "struct.pack('<q', 2**63)",
    "struct.pack('<Q', -1)",
    "struct.pack('Q', -1)",
    "struct.pack('<I', 2**32)",
    "struct.pack('I', 2**32)",
    "struct.pack('L', 2**64)",
    "struct.pack('c', b'ab')",
    "struct.pack('c', 'a')",
    "struct.pack('s', 'a')",
    "struct.pack('3s', b'abcdef')",
    "struct.pack('5p', b'abc')",
    "struct.pack('p', b'abc')",
    "struct.pack('300p', b'a'*300)[:3]",
    "struct.pack('?', [])",
    "struct.pack('f', 1e300)",
    "struct.pack('<f', 1e300)",
    "struct.pack('e', 1e10)",
    "struct.pack('<e', 65504)",
    "struct.pack('<e', 65520)",
    "struct.pack('d', 'x')",
    "struct.pack('f', 'x')",
    "struct.pack('<n', 1)",
    "struct.pack('z', 1)",
    "struct.pack('3', 1)",
    "struct.pack('i 2h x')",
    "struct.calcsize('ci')",
    "struct.calcsize('<ci')",
    "struct.calcsize('@ci'), struct.calcsize('=ci'), struct.calcsize('!ci')",
    "struct.calcsize('P'), struct.calcsize('n'), struct.calcsize('N'), struct.calcsize('e')",
    "struct.calcsize('0s'), struct.calcsize('0i'), struct.calcsize('bi0q')",
    "struct.calcsize('99999999999999999999i')",
    'struct.calcsize(5)',
    "struct.unpack('<i', b'abc')",
    "struct.unpack('<i', b'abcde')",
    "struct.unpack('<i', 'abcd')",
    "struct.unpack_from('<i', b'abc')",
    "struct.unpack_from('<i', b'abcdef', 3)",
    "struct.unpack_from('<i', b'abcdef', -2)",
    "struct.unpack_from('<i', b'abcdef', -7)",
    "struct.unpack_from('<i', b'abcdef', 10)",
    "struct.unpack_from('<i', b'abcdef', offset=2)",
    "struct.iter_unpack('<h', b'abc')",
    "struct.iter_unpack('', b'')",
    "list(struct.iter_unpack('<h', b''))",
    "struct.pack_into('<i', bytearray(3), 0, 1)",
    "struct.pack_into('<i', bytearray(8), 6, 1)",
    "struct.pack_into('<i', bytearray(8), -9, 1)",
    "struct.pack_into('<i', b'abcd', 0, 1)",
    "struct.pack_into('<i', bytearray(8), 0)",
    "struct.pack('<?', 5)",
    "struct.unpack('<?', b'\\\\x05')",
    "struct.unpack('<e', b'\\\\x00\\\\x7c')",
    "struct.pack('<d', float('nan'))",
    "struct.pack('>i', -1)",
    "struct.pack('!H', 258)",
    "struct.pack('@bq', 1, 2)",
    "struct.pack('=bq', 1, 2)",
    "struct.pack('<2s3x?', b'hi', True)",
    "struct.unpack('<5p', b'\\\\x03abcd')",
    "struct.unpack('<5p', b'\\\\x09abcd')",
    "struct.unpack('<c', b'z')",
    "struct.pack('<P', 5)",
    "struct.pack('P', -1)",
    "struct.pack('i', 1.5)",
    "struct.pack('i', True)",
    'struct.Struct(5)',
    "struct.Struct('<4xi').unpack(b'\\\\x00'*8)",
    "struct.Struct(b'<h').format",
    "struct.Struct('<h').pack(1, 2)",
    'struct.Struct()',
    'struct.error',
    'struct.error.__module__',
    "struct.pack('<l', 2**31)",
    "struct.pack('<L', 2**32)",
    "struct.pack('i', 2**31)",
    "struct.pack('l', 2**63)",
    "struct.pack('h', 2**15)",
    "struct.pack('<h', 2**15)",
    "struct.pack('<b', -129)",
    "struct.pack('n', 2**63)",
    "struct.pack('N', -1)",
    "struct.pack('<i', object())",
    "struct.pack('<Q', 2.0)",
    "struct.pack('I', -1)",
    "struct.pack('<I', -1)",
    "struct.pack('i', 2**70)",
    "struct.pack('<i', 2**70)",
    "struct.pack('<I', 2**70)",
    "struct.pack('H', -1)",
    "struct.pack('<H', 2**70)",
    "struct.pack('b', 2**70)",
    "struct.pack('<B', -2**70)",
    "struct.pack('<e', 65520.0)",
    "struct.pack('<f', 10**300)",
    "struct.pack('f', 10**300)",
    "struct.pack('<d', 10**400)",
    "struct.pack('e', 10**400)",
    "struct.pack('<f', 3.4028235e38)",
    "struct.pack('<f', 3.4028236e38)",
    "struct.pack('<f', float('inf'))",
    "struct.pack('<e', float('-inf'))",
    "struct.pack('<e', 1e-8)",
    "struct.pack('<e', 6e-8)",
    "struct.pack('<e', 0.1)",
    "struct.pack('<e', float('nan'))",
    "struct.pack('<f', -0.0)",
    "struct.unpack('<f', b'\\\\x00\\\\x00\\\\xc0\\\\x7f')",
    "struct.pack('f', float('nan'))",
    "struct.pack('>e', 1.5)",
    "struct.pack('q', 2**63)",
    "struct.pack('<Q', 2**64)",
    "struct.pack('P', 2**64)",
    "struct.pack('P', -2**63-1)",
    "struct.pack('?', 0.0)",
    "struct.pack('2?', 1)",
    "struct.pack('s', b'')",
    "struct.pack('0s', b'abc')",
    "struct.pack('2c', b'a', b'b')",
    "struct.pack('c', bytearray(b'a'))",
    "struct.pack('s', bytearray(b'ab'))",
    "struct.pack('5s', memoryview(b'ab'))",
    "struct.unpack('2c3s?x', b'abcdefgh')",
    "struct.calcsize('bhilq')",
    "struct.calcsize('qb')",
    "struct.calcsize('<qb')",
    "struct.calcsize('!2e')",
    "struct.calcsize('  i  ')",
    "struct.calcsize('i\\\\ti')",
    "struct.calcsize('<')",
    "struct.calcsize('')",
    "struct.calcsize('i<')",
    "struct.pack('10', 1)",
    "struct.pack(b'<i', 5)",
    "struct.calcsize('Pe?')",
    "struct.pack('@?i', True, 3)",
    "struct.unpack('@?i', bytes(8))",
    "struct.pack_into('<hh', bytearray(6), 1, 2, 3)",
    "struct.pack('i', None)",
    "struct.pack('d', None)",
    "struct.pack('<d', 1)",
    "struct.pack('<q', -2**63)",
    "struct.unpack('<q', b'\\\\xff'*8)",
    "struct.unpack('<Q', b'\\\\xff'*8)",
    "struct.unpack('>h', b'\\\\x80\\\\x00')",
    "struct.unpack('<n', b'')",
    "struct.Struct()", "struct.pack()", "struct.unpack('i')", "struct.pack_into('<h')",
    "struct.pack_into('<h', bytearray(4))", "struct.calcsize('\u00e9')", "struct.calcsize('i\\x00')",
    "struct.pack_into('<i', bytearray(8), -2, 1)", "struct.unpack_from('<i')",
    "struct.unpack_from('<i', b'abcdef', 'x')", "struct.pack_into('<i', bytearray(8), 'x', 1)",
    "struct.iter_unpack('<h', 'ab')", "struct.pack_into()", "struct.iter_unpack()",
    "struct.unpack()", "struct.calcsize()", "struct.unpack_from()", "struct.unpack_from('h')",
    "struct.unpack_from('h', b'ab', 0, 1)", "struct.unpack_from('h', b'ab', offset=0)", "struct.Struct('<h').unpack(b'abc')",
]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
