# The code words re._compiler produces (and the parse trees re._parser builds) must
# be CPython's, word for word: the engine runs them with CPython's semantics.
import re
from re import _compiler, _parser

PATTERNS = [
    'abc', 'a|b|c', 'a*b+c?', '(a)(b)(?P<n>c)', r'(\w+)\s+\1', r'(?i)hello',
    r'[a-z0-9_]+', r'[^abc]', r'\d{2,4}', r'x{3}', r'x{,3}?', r'(?=foo)foo',
    r'(?!bar)\w+', r'(?<=a)b', r'(?<!a)b', r'(a)?(?(1)b|c)', r'(?>a+)b', r'a*+b',
    r'(?:ab)++c', r'a?+', r'^\s*$', r'(?m)^abc$', r'(?s).*', r'(?x) a b # comment',
    r'\bfoo\B', r'[\u0100-\u0200]', r'[ĀĂ]', r'(?i)[a-z]', r'(?i)[ſk]', r'(?i)σ',
    r'(?i)ß', r'(?i)[^\w]', r'[\d\s]', r'\W', r'\S+', r'(?a)\w+', r'.',
    r'[\U00010000-\U00010FFF]', r'(?i)[\U00010400-\U0001044F]', r'[α-ωΑ-Ω]',
    r'[ぁ-んァ-ン一-龯]', r'(a|ab)(c|bcd)(d*)', r'(?:a|b)*?c', r'(a+)+b',
    r'(?P<x>a)(?P=x)', r'\Aabc\Z', r'a.c', r'[-a]', r'[a-]', r'[]a]',
    r'\x41\u0042\101\0', r'(?i)abc(?-i:def)', r'(?i:x)y', r'(ab|cd|ef)',
    r'foo|foobar|fob', r'(?:x|y|z)', r'[abc]|d', r'\$\.\*', r'(a)|b', r'(?s:.)',
    r'(abc)*', r'(a*)*', r'(a|b)*?c', r'a{0}', r'a{1,1}', r'(?i)[K-M]',
    r'(?i)[\u212a]', r'[\w\-\.]+@[\w\-\.]+', r'(?i)\u0130', r'(?i)[İ-Ĳ]',
    r'(?i)[^k]', r'(?i)(a)\1', r'[\x00-\x7f\u0100]', r'(?i)Σ+',
]
BYTES_PATTERNS = [b'abc', rb'\w+', rb'(?i)ab[c-f]', rb'[\x80-\xff]', rb'(?L)\w',
                  rb'(?iL)a', rb'(a)(?P<b>b)\1', rb'(?i)\xe9']

for p in PATTERNS:
    for flags in (0, re.I, re.M | re.S, re.A):
        tree = _parser.parse(p, flags)
        print(repr(p), flags, tree)
        print('  ', _compiler._code(tree, flags))
for p in BYTES_PATTERNS:
    for flags in (0, re.I):
        print(repr(p), flags, _compiler._code(_parser.parse(p, flags), flags))

c = re.compile(r'(?P<first>\w+) (?P<last>\w+)')
print(c.groups, dict(c.groupindex), c.pattern, c.flags)
