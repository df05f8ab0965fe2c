# str: construction, len, indexing, slicing, concatenation, repetition, comparisons.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = 'hello, world'
print(len(s), s[0], s[-1], s[3:8], s[::-1], s[::2], s[1:-1:3], s[100:], s[-100:3])
print(repr(s[5:5]), s[:], s + '!', s * 2, 2 * 'ab', 'x' * 0, 'x' * -3)
print('a' < 'b', 'ab' < 'abc', 'b' > 'abc', 'é' > 'z', '\u20ac' > 'é', '\U0001f600' > '\uffff')
print('abc' == 'abc', 'abc' != 'abd', 'a' <= 'a', 'a' >= 'b', 'é' == '\xe9')
print(str(), str(123), str(1.5), str([1, 'a']), str(None), str(b'ab'), str(True))
print(len('\u20ac\U0001f600é'), '\U0001f600'[0] == '\U0001f600', 'a\u20acb'[1])
print('abc'[-3], list('héllo'), tuple('\u20ac\U0001f600'))
attempt(lambda: 'abc'[3])
attempt(lambda: 'abc'[-4])
attempt(lambda: 'abc'['1'])
attempt(lambda: 'abc'[1.5])
attempt(lambda: 'abc' + 1)
attempt(lambda: 'abc' + b'x')
attempt(lambda: 1 + 'abc')
attempt(lambda: 'abc' * 'x')
attempt(lambda: 'abc' * 1.5)
attempt(lambda: 'a' < 1)
attempt(lambda: 'a' >= None)
print('' == '', '' < 'a', 'A' < 'a', sorted(['b', 'A', 'é', 'a', 'Z', '\u20ac']))
print('ab' in 'xaby', '' in 'x', 'é' in 'café', '\u20ac' in 'abc', 'z' in '')
attempt(lambda: 1 in 'abc')
attempt(lambda: None in 'abc')
print(hash('abc') == hash('ab' + 'c'), hash('') == hash(''), hash('é') == hash('e\u0301'))
x = 'abc'
print(x is str(x), x[:] is x, x[0:3] is x)
class S(str):
    pass
t = S('abc')
print(type(t).__name__, t, type(str(t)).__name__, type(t[:]).__name__, type(t + '').__name__, t == 'abc')
