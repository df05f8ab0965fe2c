# maketrans (static, 1-3 arguments) and translate with dicts and sequences.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t = str.maketrans('abc', 'xyz')
print(sorted(t.items()), 'aabbcc-d'.translate(t))
t = str.maketrans('ab', 'AB', 'c')
print(sorted(t.items()), 'abcabc'.translate(t))
t = str.maketrans({'a': '1', 'b': None, 99: 'CC', 'é': '\u20ac'})
print(sorted(t.items()), 'abcé'.translate(t))
print('hello'.translate({ord('l'): 'L', ord('o'): 0x1f600}), 'abc'.translate({}), 'abc'.translate([]))
print('abc'.translate(['A', 'B', None]), 'αβγ'.translate({0x3b1: 'a'}), 'x'.translate({120: ''}))
print(''.maketrans('a', 'b'), 'é€'.translate(str.maketrans('é€', 'e$')))
class Table:
    def __getitem__(self, c):
        if c == ord('z'):
            raise LookupError
        return chr(c).upper()
print('abz'.translate(Table()))
attempt(lambda: 'abc'.translate({97: 1.5}))
attempt(lambda: 'abc'.translate({97: 0x110000}))
attempt(lambda: 'abc'.translate({97: -1}))
attempt(lambda: 'abc'.translate(1))
attempt(lambda: 'abc'.translate({97: b'x'}))
attempt(lambda: str.maketrans())
attempt(lambda: str.maketrans(1))
attempt(lambda: str.maketrans('ab', 'c'))
attempt(lambda: str.maketrans({'ab': 1}))
attempt(lambda: str.maketrans({1.5: 1}))
attempt(lambda: str.maketrans('a', 'b', 1))
attempt(lambda: str.maketrans(1, 'b'))
attempt(lambda: str.maketrans('a', 2))
attempt(lambda: str.maketrans(1, 2, 3, 4))
class E(dict):
    def __getitem__(self, k):
        raise ValueError('boom')
attempt(lambda: 'a'.translate(E()))
x = 'abc'
print(x.translate({}) is x)
