# Miscellany: hashing consistency, interning-style identity, chr/ord round trips, bool, mutability.
def attempt(f):
    try:
        print('ok', ascii(f()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

d = {}
for s in ['a', 'é', '\u20ac', '\U0001f600', 'ab' + 'c', ''.join(['a', 'bc'])]:
    d[s] = len(d)
print(len(d), d['abc'], d['\u20ac'], 'abc' in d)
print(all(ord(chr(i)) == i for i in range(0, 0x110000, 97)), chr(0x10ffff) == '\U0010ffff')
print(bool(''), bool(' '), not 'x', 'a' and 'b', '' or 'c')
attempt(lambda: 'abc'.__setitem__)
def assign():
    s = 'abc'
    s[0] = 'x'
attempt(assign)
def delete():
    s = 'abc'
    del s[0]
attempt(delete)
print(str.__name__, str.__qualname__, type('').__mro__, str.__doc__.splitlines()[0])
print(str.split.__doc__.splitlines()[0], str.split.__text_signature__, str.count.__text_signature__)
print(str.maketrans.__text_signature__, str.join.__text_signature__, str.__format__.__text_signature__)
print(sorted(n for n in dir(str) if not n.startswith('__')))
print(sorted(n for n in dir(str) if n.startswith('__')))
print('abc'.__len__(), 'abc'.__getitem__(1), 'abc'.__contains__('b'), 'abc'.__add__('d'), 'ab'.__mul__(2), 'ab'.__rmul__(2))
print('%s'.__mod__(1), 'x'.__mod__(()), str.__rmod__('a', '%s'), 'abc'.__lt__('abd'), 'a'.__eq__(1), 'a'.__hash__() == hash('a'))
print(type(str.__dict__['maketrans']).__name__, type('a'.upper).__name__, type(str.upper).__name__)
