# RegexFlag: reprs, operators, membership, the module-level names.
import re

print(re.I, re.M, repr(re.S), str(re.X), re.A, re.L, re.U, re.DEBUG, re.T, re.NOFLAG)
print(re.I | re.M, re.M | re.I, re.A | re.I, ~re.I, re.I & re.M, re.I ^ re.M, re.I | 1024)
print(type(re.I | re.M), re.I.name, (re.I | re.M).name, re.I.value, re.I == 2, re.I + 1, int(re.I | re.S))
print(re.I in (re.I | re.M), re.X in (re.I | re.M), list(re.RegexFlag), len(re.RegexFlag))
print(re.RegexFlag['IGNORECASE'], re.RegexFlag(2), re.RegexFlag(0), re.RegexFlag(10), bool(re.NOFLAG))
print('%d %s %r' % (re.I, re.I, re.I), f'{re.M}', format(re.S), isinstance(re.I, int))
print(re.RegexFlag.__name__, re.I.__class__.__name__, re.RegexFlag)
print(re.compile('x', re.I | re.M).flags, re.compile(b'x').flags, re.compile('(?s)x').flags)
print(re.compile('x', re.I | re.X | re.S), re.compile('x', 1 << 12), re.compile(b'x', re.L | re.I))
print(re.compile('x', re.A), re.compile('(?u)x'), re.compile('x' * 250))
print(sorted(set(re.__all__)))
print(re.purge(), re.compile('cached') is re.compile('cached'))
