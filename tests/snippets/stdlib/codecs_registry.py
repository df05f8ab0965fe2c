import codecs, _codecs
print(codecs.lookup("UTF-8").name, codecs.lookup("latin1").name)
print('héllo'.encode('cp1252'), b'\x80abc'.decode('cp1252'))
print('abc€'.encode('utf-16'), 'abc'.encode('utf-32-be'))
print(codecs.encode('abc', 'rot13'), codecs.decode(b'616263', 'hex'))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac')))
print(_codecs.utf_8_decode(b'ab\xe2\x82', None, False), _codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True))
print(_codecs.utf_16_ex_decode(b'\xff\xfea\x00b'), _codecs.utf_16_ex_decode(b'a\x00', 'strict', 1, True))
print(_codecs.charmap_decode(b'\x00\x01', 'strict', 'xy'), _codecs.charmap_encode('yx', 'strict', codecs.charmap_build('xy')))
print(codecs.charmap_build("ab"), type(codecs.charmap_build("".join(map(chr,range(256))))).__name__, codecs.charmap_build("".join(map(chr,range(255)))+"\ufffe").size())
print(_codecs.escape_encode(b"a'\n\x00\xff"), _codecs.escape_decode(b"\\x41\\n\\101"))
print(_codecs.readbuffer_encode('h\xe9'), _codecs.unicode_escape_decode('a\\n\\u20ac'))
for f in [lambda: 'x'.encode('nope'), lambda: b'x'.decode('nope'), lambda: 'x'.encode('hex'), lambda: b'\x81'.decode('cp1252'), lambda: 'Ā'.encode('cp1252'), lambda: _codecs.lookup(1), lambda: _codecs.register(1), lambda: _codecs.charmap_decode(b'a','strict',{97:-1}), lambda: _codecs.charmap_decode(b'a','strict',{97:1.0}),lambda: _codecs.charmap_encode('ab','strict',{97:1.0}), lambda: _codecs.charmap_encode('ab','strict',{97:300}), lambda: _codecs.charmap_build(1), lambda: _codecs.lookup_error('nope'), lambda: _codecs.register_error('x', 1), lambda: _codecs.encode('a', 'nope'), lambda: _codecs.utf_8_encode(1), lambda: _codecs.utf_8_encode('a', 1), lambda: _codecs.escape_decode(b'\\x4'), lambda: _codecs.utf_8_decode(b'a','strict','x')]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print('Ā'.encode('cp1252', 'replace'), b'\x81'.decode('cp1252', 'replace'), 'aĀb'.encode('cp1252', 'xmlcharrefreplace'))
seen = []
def search(name):
    seen.append(name)
    return None
codecs.register(search)
try: codecs.lookup('My Codec')
except LookupError as e: print(e)
print(seen)
codecs.unregister(search)
def s2(name):
    if name == 'mine':
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)), lambda b, e='strict': (type(b).__name__ + bytes(b).decode().lower(), len(b)), name='mine')
codecs.register(s2)
print('abc'.encode('mine'), b'ABC'.decode('MINE'), codecs.lookup('mine').name, codecs.lookup('mine') is codecs.lookup('Mine'))
