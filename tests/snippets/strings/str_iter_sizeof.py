# str iteration, iterator types and protocol, __sizeof__, __getnewargs__.
import sys
for s in ['', 'abc', 'é', '\u20ac', '\U0001f600', 'aé\u20ac\U0001f600']:
    it = iter(s)
    print(ascii(s), type(it).__name__, it.__length_hint__(), ascii(list(it)), it.__length_hint__(), ascii(list(it)))
it = iter('abcdef')
next(it)
print(it.__length_hint__(), next(it), iter(it) is it)
it.__setstate__(4)
print(next(it), it.__length_hint__())
it.__setstate__(-5)
print(next(it))
it.__setstate__(100)
print(list(it))
for s in ['', 'a', 'abc' * 10, '\xe9', '\xe9' * 10, '\u20ac', '\u20ac' * 10, '\U0001f600', '\U0001f600' * 10]:
    print(len(s), sys.getsizeof(s), s.__sizeof__())
print('abc'.__getnewargs__(), ascii('é'.__getnewargs__()))
try:
    type(iter(''))()
except TypeError as e:
    print('TypeError', e)
print(sum(1 for _ in 'x' * 1000), ''.join(reversed('hello')), sorted('cba'), max('hello'), min('héllo'))
print([c for c in 'a\u0301'], dict.fromkeys('aab'), set('aab') == {'a', 'b'}, 'b' in iter('abc'))
