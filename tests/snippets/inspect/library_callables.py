# signature() and getmembers() on what other stdlib modules make: dataclasses,
# enums, typing generics, lru_cache and singledispatch wrappers.
import dataclasses, inspect, typing, enum, functools
@dataclasses.dataclass
class A:
    x: int
    y: str = "a"
print(inspect.signature(A), inspect.signature(A.__init__))
class E(enum.Enum):
    a = 1
print(inspect.signature(E), [n for n, _ in inspect.getmembers(E) if not n.startswith('_')])
T = typing.TypeVar("T")
def gen(x: typing.List[T], y: typing.Optional[int] = None) -> typing.Dict[str, T]: pass
print(inspect.signature(gen))
print(inspect.getsource(A.__init__) if False else inspect.getdoc(A))
@functools.lru_cache
def cached(a, b=1): pass
print(inspect.signature(cached), inspect.unwrap(cached).__name__)
@functools.singledispatch
def sd(x): pass
print(inspect.signature(sd))
