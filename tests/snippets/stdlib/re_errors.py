# Compile errors: messages, positions, line and column, as CPython reports them.
import re

BAD = ['(', 'a)', '[a', 'a**', '*a', '(?P<1a>x)', r'\1', '(?<=a+)b', r'\q', '(?P=x)',
       'a{3,1}', '(?z)', r'[z-a]', '(?i', '(?#abc', r'\x4', 'abc\n(', '(?-a:x)',
       '(?im-i:x)', '(a)(?(2)x)', '(?(a)x)', 'x(?i)y', '(?P<a>x)(?P<a>y)',
       '(?P', '(?P<', '(?P<a', '(?<x)', '(?', '(?(1', r'[\d-z]', 'a{99999999999}',
       '(?(0)a)', '(?(1)a|b|c)', '(?x)(?i', r'\\', '\\', '(?<=(a)|bc)', '((?<=a)\\1)',
       r'(?P<a>x)(?(b)y)', '(?L)x', '(?u:x)', '[\\A]', '(?P<a>a)(?P>b)', '+', '??', 'a{1,2}{3}', '(?i-i:a)']
for p in BAD:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), 're.error:', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except (OverflowError, ValueError) as e:
        print(repr(p), type(e).__name__, e)
for p, flags in ((b'(?u)x', 0), (b'x', re.U), ('x', re.L), ('x', re.A | re.U), (b'x', re.L | re.A)):
    try:
        re.compile(p, flags)
        print(repr(p), 'ok')
    except (re.error, ValueError) as e:
        print(repr(p), type(e).__name__, e)
for args in ((1, 'x'), ('x', 1), (b'x', 'x'), ('x', b'x')):
    try:
        re.match(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile(re.compile('x'), re.I)
except ValueError as e:
    print('ValueError', e)
print(re.compile(re.compile('x')).pattern)
e = re.error('msg', 'ab\ncd', 4)
print(e, e.lineno, e.colno, re.error('plain'), re.error.__module__)
