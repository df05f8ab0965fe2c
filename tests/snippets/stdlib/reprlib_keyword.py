import keyword, reprlib
print(keyword.iskeyword('if'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), len(keyword.kwlist), keyword.softkwlist)
r = reprlib.Repr()
print(r.repr(list(range(100))), r.repr('x' * 100), r.repr({i: i for i in range(10)}), r.repr(set(range(20))))
print(reprlib.repr((1,)), reprlib.repr(10 ** 60), reprlib.repr([[[[[[[1]]]]]]]), reprlib.repr(frozenset()), reprlib.repr(set()))
class X:
    def __init__(self): self.items = [self]
    @reprlib.recursive_repr('<rec>')
    def __repr__(self): return f'X({self.items!r})'
print(X(), X.__repr__.__name__)
class Bad:
    def __repr__(self): raise ValueError
print(reprlib.repr(Bad()).startswith('<Bad instance at'))
