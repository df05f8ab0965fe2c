# sub/subn with templates and callables, split with groups and maxsplit, findall
# and finditer positions, including empty matches.
import re

print(re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'joe@example.com, ann@site.com'))
print(re.sub(r'(?P<word>\w+)', r'<\g<word>>', 'a bc'))
print(re.sub(r'(\w)', r'\g<1>\g<0>', 'abc'))
print(re.sub(r'x*', '-', 'abxd'))
print(re.sub(r'', '-', 'abc'))
print(re.sub(r'a', r'\n\t\\', 'bab'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.sub(r'\d', lambda m: None if False else '', 'a1b2'))
print(re.subn(r'o', '0', 'foo boo', count=2))
print(re.sub('a', 'b', 'aaa', 1), re.sub('a', 'b', 'aaa', 0))
print(re.sub(b'(a)', b'<\\1>', b'banana'), re.subn(b'a', b'', bytearray(b'aXa')))
print(re.sub(r'(?i)b', 'X', 'aBcb'), re.sub('(?m)^', '> ', 'l1\nl2'))
print(re.compile(r'(\d)(\d)?').sub(r'[\1|\2]', '1 23'))
print(re.sub(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', r'\11\10\1', 'abcdefghijk'))
print(re.sub(r'a', r'\0101', 'xa'), re.sub(r'a', r'\141', 'xa'))
print(re.sub('.', lambda m: m.group().upper(), 'héllo wörld'))
for tmpl in (r'\3', r'\g<3>', r'\g<x>', r'\g<-1>', r'\g<1a>', r'\q', r'\g', r'\g<', r'\g<>', '\\'):
    try:
        print(repr(re.sub(r'(a)(b)', tmpl, 'ab')))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)

print(re.split(r',', 'a,b,,c'), re.split(r'(,)', 'a,b'), re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'\s*', 'a b  c'), re.split(r'', 'abc'), re.split(r'x*', 'axbc'))
print(re.split(r',', 'a,b,c,d', maxsplit=2), re.split(r'(?m)^', 'a\nb\nc'))
print(re.split(r'\b', 'a-b c'), re.split(b',', b'x,y'))

print(re.findall(r'\w+', 'Hello, World!'), re.findall(r'(\w)(\w)?', 'abc'), re.findall(r'', 'ab'))
print(re.findall(r'(a)|b', 'ab'), re.findall(r'a*', 'baaa'), re.findall(b'[a-c]', b'abcd'))
print([(m.span(), m.group()) for m in re.finditer(r'\d*', 'a12b')])
print([m.start() for m in re.finditer(r'(?=aa)', 'aaaa')])
p = re.compile(r'\w')
print(p.findall('abcde', 1, 3), [m.span() for m in p.finditer('abcde', 2)], p.findall('abc', 2, 1))
m = re.search(r'(?P<k>\w+)=(?P<v>\w+)', 'x key=value y')
print(m.expand(r'\g<v>:\g<k> \2\1 \\n'), m.expand(b'x'.decode()))
print(re.escape('a.b*c+d?e(f)[g]{h}|i^j$k\\l m#n&o~p-q'), re.escape(b'a.b\x00'), re.escape('é✓'))
s = re.Scanner([(r'\d+', lambda s, t: int(t)), (r'[a-z]+', lambda s, t: t.upper()), (r'\s+', None)])
print(s.scan('12 ab 3 x!'))
