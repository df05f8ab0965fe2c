from collections import namedtuple
import collections

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], Point.__doc__, Point._fields, Point._field_defaults)
print(p._asdict(), p._replace(x=100), Point._make([1, 2]), p.__getnewargs__())
print(Point.__new__.__doc__, Point.x.__doc__, Point.__module__, Point.__name__, Point.__qualname__)
print(Point.__match_args__, Point.__slots__, Point.__bases__, Point._make.__doc__, Point._replace.__doc__)
print(Point.__new__.__qualname__, Point._asdict.__qualname__, Point.__repr__.__qualname__)
x, y = p
print(x, y, p == (11, 22), hash(p) == hash((11, 22)), isinstance(p, tuple))
P3 = namedtuple('P3', 'a b c', defaults=[2, 3])
print(P3(1), P3(1, 5), P3._field_defaults, P3.__new__.__defaults__)
P1 = namedtuple('P1', 'a')
print(P1(1), P1.__doc__, P1.__new__.__doc__)
R = namedtuple('R', ['abc', 'def', 'abc', '_x', '1'], rename=True)
print(R._fields)
N = namedtuple('N', 'a, b', module='mymod')
print(N.__module__)
E = namedtuple('E', '')
print(E(), E._fields)
for args, kw in [(('Bad Name', 'a'), {}), (('T', 'a class'), {}), (('T', 'a _b'), {}),
                 (('T', 'a a'), {}), (('T', 'a b'), {'defaults': [1, 2, 3]}), (('T', ['a', 1]), {}),
                 (('def', 'a'), {})]:
    try:
        namedtuple(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print('TypeError', e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError', e)
try:
    Point._make([1])
except TypeError as e:
    print('TypeError', e)
try:
    p._replace(z=1)
except ValueError as e:
    print('ValueError', e)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError', e)
class Sub(Point):
    def norm(self):
        return self.x ** 2 + self.y ** 2
s = Sub(3, 4)
print(s, s.norm(), type(s._replace(x=1)).__name__)
match p:
    case Point(x=11, y=yy):
        print('match', yy)
match Point(1, 2):
    case Point(a, b):
        print('positional', a, b)
print(repr(Point('a', [1])))
import copy
print(copy.copy(p) if False else 'skip')
