# binascii: base64, hex, uu, quoted-printable, crc32 and crc_hqx against CPython.
import binascii as b

print(sorted(n for n in dir(b) if not n.startswith('__')), b.Error.__mro__, b.Incomplete.__mro__)

# A deterministic byte stream.
state = 7


def rand_bytes(n):
    global state
    out = bytearray()
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2**31
        out.append(state >> 16 & 0xff)
    return bytes(out)


samples = [b'', b'a', b'ab', b'abc', b'abcd', b'hello world', bytes(range(256))] + \
    [rand_bytes(n) for n in range(0, 60, 7)]
for s in samples:
    enc = b.b2a_base64(s)
    print(enc, b.b2a_base64(s, newline=False) == enc[:-1], b.a2b_base64(enc) == s,
          b.a2b_base64(enc.decode()) == s, b.hexlify(s)[:40], b.unhexlify(b.hexlify(s)) == s,
          b.crc32(s), b.crc32(s, 12345), b.crc_hqx(s, 0), b.crc_hqx(s, 0xffff))
    if len(s) <= 45:
        uu = b.b2a_uu(s)
        print(uu, b.b2a_uu(s, backtick=True), b.a2b_uu(uu) == s)
    qp = b.b2a_qp(s)
    print(qp, b.a2b_qp(qp) == s, b.b2a_qp(s, quotetabs=True, istext=False, header=True)[:60])

texts = [b'hello = world\t\nnext line  \r\nlast.', b'.\n', b'.', b'a b\tc', b'x' * 80,
         b'y' * 75 + b'\n' + b'z' * 76, b'caf\xe9 \xff', b'line \nline\t\n', b'_under_ score',
         b'\r\n\r\n', b'a\rb\nc', b'=3D=\n', b' ' * 100, b'\x00\x01']
for t in texts:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        print(t[:20], kw, b.b2a_qp(t, **kw))
for q in [b'h=E9llo=\n w=3d', b'a_b', b'=', b'==', b'=4', b'=4g', b'=\r\nx', b'=\rx\ny', b'soft=\nbreak',
          b'=41=42', b'= 41', b'a=', '=41x']:
    print(q, b.a2b_qp(q), b.a2b_qp(q, header=True))

print(b.hexlify(b'abcdef', '-'), b.hexlify(b'abcdef', b':', 2), b.hexlify(b'abcde', ':', 2),
      b.hexlify(b'abcde', ':', -2), b.b2a_hex(bytearray(b'xyz'), sep='_'), b.b2a_hex(data=b'\x01'),
      b.unhexlify('6162'), b.a2b_hex(b'ABCDEF'), b.a2b_hex(bytearray(b'00ff')))
print(b.crc32(b'hello', -1), b.crc32(b'hello', 2**40), b.crc32(b'hello', 2**32 + 5),
      b.crc_hqx(b'hello', -1), b.crc_hqx(b'hello', 2**20), b.crc32(memoryview(b'abc')))
print(b.a2b_uu(b''), b.a2b_uu(b'  '), b.a2b_uu(b'!80``\n'), b.a2b_uu(b'#86)C   \n'), b.a2b_uu(b'`'))
print(b.a2b_base64(b'!!YW!Jj'), b.a2b_base64(b'YQ==YQ=='), b.a2b_base64(b'YWJj===='),
      b.a2b_base64(b'YW\nJj\r\n'), b.a2b_base64(b'YQ=\n='), b.a2b_base64(b''), b.a2b_base64(b'===='))

tests = [
    "b.a2b_base64(b'YWJ')", "b.a2b_base64(b'Y')", "b.a2b_base64(b'YW=J')",
    "b.a2b_base64(b'YW=J', strict_mode=True)", "b.a2b_base64(b'=YWJj', strict_mode=True)",
    "b.a2b_base64(b'YW Jj', strict_mode=True)", "b.a2b_base64(b'YWJj====', strict_mode=True)",
    "b.a2b_base64(b'YQ==YQ==', strict_mode=True)", "b.a2b_base64(b'YWJjZA==', strict_mode=True)",
    "b.a2b_base64(b'YWJjZA=')", "b.a2b_base64(b'YWJjZ')", "b.a2b_base64('\u00e9')", "b.a2b_base64(5)",
    "b.b2a_base64('ab')", "b.b2a_base64()", "b.hexlify(b'abc', 'ab')", "b.hexlify(b'abc', '\u00e9')",
    "b.hexlify('abc')", "b.unhexlify(b'616')", "b.unhexlify(b'zz')", "b.a2b_hex('\u00e9')",
    "b.crc_hqx(b'hello')", "b.crc32()", "b.crc32(b'a', 1.5)", "b.crc32('a')",
    "b.b2a_uu(b'a' * 46)", "b.a2b_uu(b'\\x7f')", "b.a2b_uu(b'#86)C!!')", "b.b2a_uu('a')",
    "b.a2b_qp(5)", "b.b2a_qp('x')", "b.b2a_qp(b'x', foo=1)",
]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
