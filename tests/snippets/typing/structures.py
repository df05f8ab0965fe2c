# typing.NamedTuple, TypedDict, NewType and Protocol/runtime_checkable: how they
# behave and their error messages.
import typing
from typing import (Generic, NamedTuple, NewType, NotRequired, Protocol, Required,
                    TypedDict, TypeVar, runtime_checkable)

T = TypeVar('T')


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'

    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p, p.norm(), Point._fields, Point._field_defaults, Point.__annotations__)
print(Point.__bases__, Point.__module__, p._replace(x=1), p._asdict())
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__, Emp.__module__)


class GPair(NamedTuple, Generic[T]):
    first: T
    second: T


print(GPair(1, 2), GPair[int], GPair.__parameters__)

for src in ("class X(NamedTuple):\n    a: int = 1\n    b: str",
            "class X(NamedTuple):\n    a: int = 1\n    c: int = 2\n    b: str",
            "class X(NamedTuple):\n    a: int\n    def _asdict(self): pass",
            "class X(NamedTuple, int): pass"):
    try:
        exec(src)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
try:
    NamedTuple('X', [('a', int)], b=str)
except TypeError as e:
    print('TypeError:', e)


class Movie(TypedDict):
    title: str
    year: NotRequired[int]


class PartialMovie(Movie, total=False):
    rating: float
    director: Required[str]


m = Movie(title='Up')
print(m, type(m), Movie.__annotations__, Movie.__total__)
print(sorted(PartialMovie.__required_keys__), sorted(PartialMovie.__optional_keys__), PartialMovie.__total__)
Film = TypedDict('Film', {'name': str, 'minutes': int}, total=False)
print(Film(name='x'), Film.__module__, sorted(Film.__optional_keys__), typing.is_typeddict(Film))
print(typing.is_typeddict(dict), Movie.__mro__)
for thunk in (lambda: isinstance({}, Movie), lambda: issubclass(dict, Movie),
              lambda: TypedDict('X', {'a': int}, b=str)):
    try:
        print(thunk())
    except TypeError as e:
        print('TypeError:', e)
try:
    class Bad(Movie, int):
        pass
except TypeError as e:
    print('TypeError:', e)

UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__, UserId.__name__, UserId.__qualname__)
print(UserId | None, NewType('a.b.C', str).__name__)
try:
    class Sub(UserId):
        pass
except TypeError as e:
    print('TypeError:', e)


@runtime_checkable
class Closer(Protocol):
    def close(self): ...


class HasSize(Protocol):
    size: int


class File:
    def close(self):
        pass


class Impl(Closer):
    pass


print(isinstance(File(), Closer), isinstance(1, Closer), issubclass(File, Closer))
print(Closer._is_protocol, Impl._is_protocol, isinstance(Impl(), Closer))
print(isinstance(3, typing.SupportsInt), isinstance('x', typing.SupportsInt),
      issubclass(float, typing.SupportsRound), isinstance(1.0, typing.SupportsIndex))
print(typing.SupportsAbs[int], typing.SupportsAbs.__parameters__)
for thunk in (lambda: Closer(), lambda: isinstance(1, HasSize), lambda: runtime_checkable(int),
              lambda: issubclass(int, runtime_checkable(HasSize))):
    try:
        print(thunk())
    except TypeError as e:
        print('TypeError:', e)
try:
    class Mixed(Protocol, int):
        pass
except TypeError as e:
    print('TypeError:', e)


class GenProto(Protocol[T]):
    def get(self) -> T: ...


print(GenProto[int], GenProto.__parameters__, typing.IO[str], typing.TextIO.__mro__)
print(sorted(typing._get_protocol_attrs(GenProto)))
