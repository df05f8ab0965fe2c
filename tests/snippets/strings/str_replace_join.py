# replace and join, including empty patterns, counts, wide characters.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 1), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace('o', 'OO', 2), s.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), ''.replace('a', 'b'))
print('aaa'.replace('a', ''), 'aaaa'.replace('aa', 'b'), 'abc'.replace('b', '\u20ac'), 'a\u20acb'.replace('\u20ac', 'e'))
print('a\U0001f600b'.replace('\U0001f600', '!'), 'abc'.replace('x', '\U0001f600'), 'αβα'.replace('α', 'a'))
print('abc'.replace('abc', ''), 'abcabc'.replace('bc', 'BC', 1), 'ééé'.replace('é', 'e', 2))
attempt(lambda: 'a'.replace('a'))
attempt(lambda: 'a'.replace(1, 'b'))
attempt(lambda: 'a'.replace('a', 2))
attempt(lambda: 'a'.replace('a', 'b', 'c'))
attempt(lambda: 'a'.replace('a', 'b', count=1))
big = 'x' * 100000
print(len(big.replace('x', 'yy')), len(big.replace('xx', 'y')), big.replace('x', '', 99999))
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('abc'), ' '.join(x for x in ['q']), '€'.join(['a', 'b']))
print('é'.join(['\U0001f600', 'b']), ', '.join(('x', 'y')), '\n'.join({'k': 1}), 'ab'.join('c'))
attempt(lambda: ','.join(['a', 1]))
attempt(lambda: ','.join(['a', b'b']))
attempt(lambda: ','.join(1))
attempt(lambda: ','.join(None))
attempt(lambda: ','.join())
class S(str):
    pass
parts = [S('x')]
print(type(''.join(parts)).__name__, type(''.join(['y'])).__name__)
x = 'abc'
print(x.replace('z', 'q') is x, ''.join([x]) is x)
