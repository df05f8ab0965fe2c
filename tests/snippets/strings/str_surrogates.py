# Lone surrogates: storage, repr, methods, encoding and decoding.
s = ('a' + chr(0xd800) + 'b' + chr(0xdfff) + 'c')
print(len(s), ascii(s), ascii(s.upper()), ascii(s[1]), s.find((chr(0xdfff))), s.isprintable(), ascii(s.split((chr(0xd800)))))
print(ascii(s.encode('utf-8', 'surrogatepass')), ascii(s.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass')) == ascii(s))
print(ascii(s.encode('utf-8', 'backslashreplace')), ascii(s.encode('utf-16-le', 'surrogatepass')))
print(ascii((chr(0xd83d) + chr(0xde00))), len((chr(0xd83d) + chr(0xde00))), (chr(0xd83d) + chr(0xde00)) == '\U0001f600', ascii((chr(0xd83d) + chr(0xde00)).encode('utf-16', 'surrogatepass')))
print(ascii('\U0001f600'.encode('utf-16-le').decode('utf-16-le')), ascii(b'=\xd8\x00\xde'.decode('utf-16-le')))
print(ascii(b'\xed\xa0\xbd\xed\xb8\x80'.decode('utf-8', 'surrogatepass')))
b = b'\xff\xfeabc\x80'
r = b.decode('utf-8', 'surrogateescape')
print(ascii(r), r.encode('utf-8', 'surrogateescape') == b, ascii(r.encode('ascii', 'surrogateescape')))
print(hash((chr(0xd800))) == hash((chr(0xd800))), (chr(0xd800)) < '\ue000', (chr(0xd800)) > '\ud7ff', sorted([(chr(0xd800)), 'a', '\uffff'])[-1] == '\uffff')
try:
    s.encode()
except UnicodeEncodeError as e:
    print(e.start, e.end, ascii(e.object))
