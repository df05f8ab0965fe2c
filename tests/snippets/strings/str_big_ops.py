# Larger inputs: splitting, joining, replacing, counting and searching (no quadratic paths).
text = ' '.join('word%d' % (i % 1000) for i in range(200000))
words = text.split()
print(len(words), words[:3], words[-1], len(' '.join(words)), text.count('word1'), text.count('word999 '))
print(text.find('word999 word0'), text.rfind('word0 '), len(text.replace('word', 'w')), text.replace('word', 'W', 3)[:20])
lines = '\n'.join(words[:50000])
print(len(lines.splitlines()), lines.splitlines()[-1], len(lines.split('\n', 100)))
wide = '\u20ac'.join(words[:50000])
print(len(wide.split('\u20ac')), wide.count('\u20ac'), wide.find('word49999'), wide.rfind('word1\u20ac'))
print(len(wide.replace('\u20ac', ',')), wide.replace('\u20ac', ',').isascii(), wide.upper()[:20])
hay = 'a' * 300000 + 'b'
print(hay.find('a' * 1000 + 'b'), hay.count('a' * 1000), hay.rfind('ab'), ('ab' * 100000).count('ba'))
whay = 'α' * 300000 + 'β'
print(whay.find('α' * 1000 + 'β'), whay.count('α' * 1000), whay.rfind('αβ'), ('αβ' * 100000).count('βα'))
b = bytes(range(256)) * 2000
print(b.count(b'\x00\x01'), b.find(b'\xfe\xff\x00'), b.rfind(b'\x00'), len(b.split(b'\x00')), len(b.replace(b'\x00', b'')))
print(len(b''.join([b'ab'] * 100000)), len(bytearray(b'x') * 100000), len(('x' * 1000) * 1000))
