import abc
from abc import ABC, ABCMeta, abstractmethod
class A(ABC):
    @abstractmethod
    def f(self): ...
    @property
    @abstractmethod
    def p(self): ...
print(A.__abstractmethods__ == frozenset({'f', 'p'}))
try:
    A()
except TypeError as e:
    print(e)
class B(A):
    def f(self): return 1
    p = 2
print(B().f(), B.__abstractmethods__)
class V: pass
A.register(V)
print(isinstance(V(), A), issubclass(V, A), issubclass(int, A))
print(abc.get_cache_token() > 0)
import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(set(), cabc.Set), isinstance(iter([]), cabc.Iterator))
print(isinstance((x for x in []), cabc.Generator), issubclass(str, cabc.Hashable), issubclass(list, cabc.Hashable))
print(isinstance({}.keys(), cabc.KeysView), isinstance(3, cabc.Iterable), issubclass(dict, cabc.MutableMapping))
print(cabc.Callable[[int], str], cabc.Callable[..., int], cabc.Iterable[int])
class S(cabc.Sequence):
    def __init__(self, d): self.d = d
    def __getitem__(self, i): return self.d[i]
    def __len__(self): return len(self.d)
s = S([1, 2, 3, 2])
print(list(s), 2 in s, s.index(2), s.count(2), list(reversed(s)))
match s:
    case [a, b, *rest]: print('matched', a, b, rest)
class M(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M({'a': 1})
print(m.get('a'), m.get('b'), 'a' in m, m.keys(), list(m.items()), m == {'a': 1})
match m:
    case {'a': v}: print('mapping', v)
from abc import abstractclassmethod, abstractstaticmethod, abstractproperty, update_abstractmethods, get_cache_token
class C(ABC):
    @abstractclassmethod
    def cm(cls): ...
    @abstractstaticmethod
    def sm(): ...
    @abstractproperty
    def ap(self): ...
print(sorted(C.__abstractmethods__))
class D(C):
    pass
D.cm = classmethod(lambda cls: 1)
print(sorted(update_abstractmethods(D).__abstractmethods__))
t = get_cache_token()
class Z(ABC): pass
Z.register(int)
print(get_cache_token() == t + 1, isinstance(1, Z), issubclass(bool, Z), Z.register(int) is int)
try:
    Z.register(5)
except TypeError as e:
    print('TypeError', e)
class Y(Z): pass
try:
    Y.register(Z)
except RuntimeError as e:
    print('RuntimeError', e)
class Hook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, 'quack') or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Hook), issubclass(int, Hook))
class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print('AssertionError', e)
try:
    issubclass(5, Z)
except TypeError as e:
    print('TypeError', e)
import io
Z._dump_registry(io.StringIO())
print(type(Z._abc_impl).__name__)
Z._abc_registry_clear(); Z._abc_caches_clear()
print(isinstance(1, Z))
import collections.abc as cabc
class MySeq(cabc.Sequence):
    def __getitem__(self, i): return [1][i]
    def __len__(self): return 1
match MySeq():
    case [x]: print('seq match', x)
class Reg: pass
cabc.Sequence.register(Reg)
print(issubclass(Reg, cabc.Sequence), issubclass(Reg, cabc.Iterable))
print(cabc.Set._hash(frozenset({1, 2})) == hash(frozenset({1, 2})))
