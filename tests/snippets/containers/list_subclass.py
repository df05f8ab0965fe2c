# Subclasses of list with overridden methods.
class Stack(list):
    def push(self, x):
        self.append(x)
    def append(self, x):
        print('append', x)
        super().append(x * 10)

s = Stack([1, 2])
s.push(3)
s.extend([4])
s += [5]
print(s, type(s).__name__, len(s), isinstance(s, list), repr(s))
print(s[1:], type(s[1:]).__name__, type(s + [1]).__name__, type(s * 2).__name__, type(s.copy()).__name__)

class Getter(list):
    def __getitem__(self, i):
        return ('got', i)
    def __len__(self):
        return 42
    def __iter__(self):
        return iter('abc')
    def __contains__(self, x):
        return True
g = Getter([1, 2, 3])
print(g[0], g[1:2], len(g), list(g), 99 in g, g == [1, 2, 3], list.__len__(g), list.__getitem__(g, 0))
print(sorted(g), tuple(g), [x for x in g], list.__repr__(g))

class Init(list):
    def __init__(self, *args):
        print('init', args)
        super().__init__(*args)
i = Init('xy')
print(i)
i.__init__([9])
print(i)
try:
    list.__init__(i, 1, 2)
except TypeError as e:
    print('TypeError', e)

class KW(list):
    def __init__(self, it=(), **kw):
        super().__init__(it)
        self.kw = kw
k = KW([1], a=1)
print(k, k.kw)
try:
    class Plain(list): pass
    Plain([1], a=1)
except TypeError as e:
    print('TypeError', e)

class Sorted(list):
    def __lt__(self, other):
        return len(self) < len(other)
print(sorted([Sorted([1, 2]), Sorted([1]), Sorted([])]))
class Eq(list):
    def __eq__(self, other):
        return True
print(Eq([1]) == [2], [2] == Eq([1]), [Eq([1])] == [[5]])
