# Argument and attribute errors of Pattern, Match and the scanner, compared with CPython.
import re
for f in (lambda: re.sub('a', lambda m: 5, 'a'), lambda: re.sub(b'a', lambda m: 5, b'xa'), lambda: re.compile('a').match('a', 'x'),
          lambda: re.compile('a').match(), lambda: re.compile('a').match('a', pos=1, endpos=2, x=3), lambda: re.compile('a').sub('a'),
          lambda: re.compile('a').split('a', 'b'), lambda: re.compile('(a)').match('a').group(1, 5), lambda: re.compile('(a)').match('a').start(1, 2),
          lambda: re.Pattern(), lambda: re.Match(), lambda: re.compile('a').scanner('a').match(1), lambda: re.compile('a').groups.x,
          lambda: setattr(re.compile('a'), 'flags', 2), lambda: re.compile('a').match('a').expand(1), lambda: re.sub('(a)', r'\2', 'a'),
          lambda: re.compile('(?P<n>a)').match('a').group('m'), lambda: re.compile('(?P<n>a)').match('a')[[]],
          lambda: re.compile('a') < re.compile('b')):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for f in (lambda: re.compile('a').scanner('a').search(x=1), lambda: delattr(re.compile('a'), 'pattern'), lambda: setattr(re.match('a', 'a'), 'pos', 1),
          lambda: type(re.Pattern.__dict__['flags']).__name__, lambda: type(re.Match.__dict__['string']).__name__, lambda: re.Pattern.groups.__doc__):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
p = re.compile('(a)(?P<b>b)')
print(p.pattern, p.flags, p.groups, p.match('ab').string, p.match('ab').re is p, p.match('ab', 0, 2).pos, p.match('xab', 1).endpos)
