# UTF-16 and UTF-32: byte order marks, surrogate pairs, partial input.
def attempt(f):
    try:
        print('ok', ascii(f()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

for s in ['', 'a', 'é\u20ac', '\U0001f600', 'a\U0010ffffb']:
    for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
        b = s.encode(enc)
        print(ascii(s), enc, b, b.decode(enc) == s, len(b))
for b in [b'\xff\xfe', b'\xfe\xff', b'\xff\xfea', b'\xfe\xff\x00', b'\xff\xfe\xff\xfe', b'\xfe\xff\xff\xfe', b'\xff\xfe=\xd8\x00\xde',
          b'=\xd8', b'=\xd8=\xd8', b'\x00\xde\x00\xd8']:
    for enc in ['utf-16', 'utf-16-le', 'utf-16-be']:
        attempt(lambda: b.decode(enc))
        attempt(lambda: b.decode(enc, 'replace'))
for b in [b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00a', b'a\x00\x00',
          b'\x00\x00\x11\x00', b'\xff\xff\xff\xff', b'\x00\xd8\x00\x00\x00\xdc\x00\x00']:
    for enc in ['utf-32', 'utf-32-le', 'utf-32-be']:
        attempt(lambda: b.decode(enc))
        attempt(lambda: b.decode(enc, 'ignore'))
