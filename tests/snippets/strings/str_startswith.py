# startswith / endswith with tuples and ranges.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = 'hello world'
print(s.startswith('hello'), s.startswith('world', 6), s.startswith('lo', 3, 5), s.startswith('lo', 3, 4))
print(s.endswith('world'), s.endswith('hello', 0, 5), s.endswith('o', -5, -4), s.endswith(('x', 'd')))
print(s.startswith(('a', 'b', 'h')), s.startswith(()), s.startswith(''), s.startswith('', 11), s.startswith('', 12))
print(s.endswith('', 5, 3), s.endswith('', 11), s.endswith('', 12), ''.startswith(''), ''.endswith('a'))
print('αβγ'.startswith('αβ'), 'αβγ'.endswith('\U0001f600'), 'abc'.startswith('\u20ac'), 'é'.endswith('é'))
print(s.startswith('hello', None), s.startswith('world', -5, None), s.endswith('hello', None, 5))
attempt(lambda: s.startswith(1))
attempt(lambda: s.startswith(['h']))
attempt(lambda: s.startswith(('h', 1)))
attempt(lambda: s.endswith(None))
attempt(lambda: s.endswith(('x', b'd')))
attempt(lambda: s.startswith('h', 'x'))
attempt(lambda: s.startswith())
attempt(lambda: s.startswith('a', 1, 2, 3))
