# re.DEBUG prints the parse tree and the disassembled code, as CPython does.
import re
re.compile(r'(?P<x>a|b)*?c[^\d\s]+(?=x)\1{2,3}(?(1)y|z)(?>q)[\u0100-\u0200]', re.DEBUG)
re.compile(b'[a-z]+?\\b', re.DEBUG | re.I)
re.compile(r'(?i)[\w\u4e00-\u9fff]{1,5}x++(?<!ab)(?m:$)', re.DEBUG)
re.compile('ab|ac|ad', re.DEBUG)
