# Bytes patterns over bytes, bytearray and memoryview-free subjects: ASCII classes,
# case folding, templates and the types of the results.
import re

p = re.compile(rb'(\w+)=(\d+)')
for subject in (b'a=1, bb=22', bytearray(b'x=9')):
    m = p.search(subject)
    print(type(m.group()).__name__, m.group(), m.groups(), m.span(), m.expand(rb'\2:\1'), type(m.string).__name__)
print(p.findall(b'k=1 l=2'), p.sub(rb'\2=\1', b'k=1 l=2'), p.subn(b'', bytearray(b'k=1')))
print(re.findall(rb'\w+', b'caf\xe9 na\xefve'), re.findall(rb'(?i)\xe9', b'\xc9\xe9'), re.findall(rb'(?iL)[a-z]+', b'ABC'))
print(re.split(rb'\s+', b' a  b '), re.sub(b'a', lambda m: m.group().upper(), b'banana'))
print(re.match(rb'\x00+', b'\x00\x00x'), re.fullmatch(rb'[\x80-\xff]+', bytes(range(128, 256))) is not None)
print(re.escape(b'a+b'), re.compile(b'x', re.I), re.compile(rb'\d', re.A).pattern)
try:
    re.sub(b'a', lambda m: 'str', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub('a', lambda m: b'bytes', 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub('a', 5, 'a')
except TypeError as e:
    print('TypeError', e)
print(re.sub('a', lambda m: None, 'banana'), re.sub('(a)', r'\1\1', 'ab'))
