# str subclasses: methods return exact str; special methods overridable.
class Up(str):
    def upper(self):
        return 'custom upper'
    def __add__(self, other):
        return 'added'
    def __len__(self):
        return 99
u = Up('abc')
print(u.upper(), u + 'x', len(u), str.__len__(u), u.lower(), type(u.lower()).__name__, type(u.strip()).__name__)
print(type(u.replace('z', 'q')).__name__, type(u.center(1)).__name__, type(u.split()[0]).__name__, type(u[:]).__name__)
print(type(u.partition('z')[0]).__name__, type(''.join([u])).__name__, type(u.zfill(1)).__name__, type(u * 1).__name__)
print(type(u.format()).__name__, type('%s' % u).__name__, type(str(u)).__name__, type(u.__str__()).__name__, u == 'abc')
class Eq(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__
print(Eq('a') == 'b', 'b' == Eq('a'), Eq('a') != 'b', 'x' in [Eq('q')], {Eq('k'): 1}.get('k'))
class R(str):
    def __repr__(self):
        return 'R!'
print(repr(R('x')), '%r' % R('x'), '{!r}'.format(R('x')), [R('y')], str(R('z')))
