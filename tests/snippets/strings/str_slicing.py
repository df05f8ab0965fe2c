# Slicing with steps over ASCII, Latin-1, UCS-2 and UCS-4 strings.
for s in ['abcdefghij', 'àbçdéfghïj', 'αβγδεζηθικ', '\U0001f600a\U0001f601b\U0001f602c']:
    print(ascii(s[::2]), ascii(s[1::3]), ascii(s[::-1]), ascii(s[-2::-2]), ascii(s[8:2:-2]), ascii(s[2:8]),
          ascii(s[100:]), ascii(s[:-100]), ascii(s[::100]), ascii(s[5:5]), ascii(s[-3:]), ascii(s[slice(1, None, 4)]))
s = 'αβγδ'
print(ascii(s[1:2]), ascii(s[0:1] + s[3:]), ascii(s[::2]), len(s[::-1]))
mixed = 'abc\u20ac'
print(ascii(mixed[:3]), mixed[:3].isascii(), ascii(mixed[3:]), ascii(mixed[::3]))
try:
    s['a':]
except TypeError as e:
    print('TypeError', e)
try:
    s[::0]
except ValueError as e:
    print('ValueError', e)
class I:
    def __index__(self):
        return 1
print(ascii(s[I()]), ascii(s[I():]), ascii(s[:I()]), ascii(s[True]))
print(ascii(s[-1]), ascii(s[2**0]), ascii('x'[-1]))
try:
    s[2**100]
except IndexError as e:
    print('IndexError', e)
